/* tokenize.c — splits normalized text into tokens (Arabic words with their
 * clitic-stripped match forms, Latin words, numbers, punctuation) and
 * sentences, keeping every span in original-text bytes.  No rule knowledge. */
#include "tokenize.h"

#include <pthread.h>
#include <stdint.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "util.h"

/* ---- character classes over normalized text ---- */

static int is_arabic_letter(UChar32 c)
{
    return (c >= 0x0621 && c <= 0x064A) || (c >= 0x066E && c <= 0x066F) ||
           (c >= 0x0671 && c <= 0x06D3) || c == 0x06D5 || (c >= 0x06FA && c <= 0x06FF) ||
           (c >= 0x0750 && c <= 0x077F) || (c >= 0x08A0 && c <= 0x08C9) ||
           (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFC);
}

/* Letters of any other script (Latin, Cyrillic, ...) form LIA_TOK_LATIN. */
static int is_other_letter(UChar32 c)
{
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    return u_isalpha(c) && !is_arabic_letter(c);
}

/* Combining marks that survived normalization stay with their word. */
static int is_mark(UChar32 c)
{
    int8_t t = u_charType(c);
    return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK || t == U_ENCLOSING_MARK;
}

static int is_digit(UChar32 c)
{
    return c >= '0' && c <= '9';
}

static int is_space(UChar32 c)
{
    if (c < 0x80)
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
    return c >= 0x0085 && (c < 0x0600 || c > 0x06FF) && u_isUWhiteSpace(c);
}

static UChar32 peek(const char *s, size_t len, size_t i, size_t *next)
{
    /* Fast paths for ASCII and two-byte sequences (all of Arabic), the
     * same code points U8_NEXT would read. */
    const unsigned char *u = (const unsigned char *)s + i;
    if (u[0] < 0x80) {
        *next = i + 1;
        return u[0];
    }
    if (u[0] >= 0xC2 && u[0] < 0xE0 && i + 1 < len && (u[1] & 0xC0) == 0x80) {
        *next = i + 2;
        return ((UChar32)(u[0] & 0x1F) << 6) | (u[1] & 0x3F);
    }
    UChar32 c;
    int32_t k = 0;
    size_t win = len - i < 64 ? len - i : 64;
    U8_NEXT((const uint8_t *)s + i, k, (int32_t)win, c);
    if (c < 0)
        c = 0xFFFD;
    *next = i + (size_t)k;
    return c;
}

/* ---- clitic forms ---- */

/* Number of characters (code points) in UTF-8 s[0..n). */
static size_t n_chars(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            k++;
    return k;
}

#define AR_WAW "\xD9\x88"
#define AR_FA "\xD9\x81"
#define AR_BA "\xD8\xA8"
#define AR_KAF "\xD9\x83"
#define AR_LAM "\xD9\x84"
#define AR_AL "\xD8\xA7\xD9\x84"

/* Proclitic prefixes, shortest first, so forms run from most to least
 * literal.  Each is a combination conj? prep? article? (ل + ال = لل). */
#define CLITIC(p, conj) { p, sizeof p - 1, conj }
static const struct {
    const char *prefix;
    size_t len;           /* bytes: tried on every word, so not strlen'd each time */
    int conj;
} clitics[] = {
    CLITIC(AR_WAW, 1), CLITIC(AR_FA, 1), CLITIC(AR_BA, 0), CLITIC(AR_KAF, 0), CLITIC(AR_LAM, 0),
    CLITIC(AR_WAW AR_BA, 1), CLITIC(AR_WAW AR_KAF, 1), CLITIC(AR_WAW AR_LAM, 1),
    CLITIC(AR_FA AR_BA, 1), CLITIC(AR_FA AR_KAF, 1), CLITIC(AR_FA AR_LAM, 1),
    CLITIC(AR_WAW AR_AL, 1), CLITIC(AR_FA AR_AL, 1),
    CLITIC(AR_BA AR_AL, 0), CLITIC(AR_KAF AR_AL, 0), CLITIC(AR_LAM AR_LAM, 0),
    CLITIC(AR_WAW AR_BA AR_AL, 1), CLITIC(AR_WAW AR_KAF AR_AL, 1), CLITIC(AR_WAW AR_LAM AR_LAM, 1),
    CLITIC(AR_FA AR_BA AR_AL, 1), CLITIC(AR_FA AR_KAF AR_AL, 1), CLITIC(AR_FA AR_LAM AR_LAM, 1),
};
#undef CLITIC

static int starts_with(const char *s, const char *p)
{
    while (*p)
        if (*s++ != *p++)
            return 0;
    return 1;
}

static void add_form(lia_token *t, const char *f)
{
    if (t->n_forms >= LIA_MAX_FORMS)
        return;
    unsigned long h = lia_hash(f);
    for (int i = 0; i < t->n_forms; i++)
        if (t->form_hash[i] == h && strcmp(t->forms[i], f) == 0)
            return;
    t->form_hash[t->n_forms] = h;
    t->forms[t->n_forms++] = f;
}

/* Does the word carry the article, possibly behind proclitics (الدولة،
 * بالدور، والمهام، للأمن)? */
static int word_has_article(const char *p)
{
    if (starts_with(p, AR_WAW) || starts_with(p, AR_FA))
        p += 2;
    if (starts_with(p, AR_LAM AR_LAM))
        return 1;
    if (starts_with(p, AR_BA) || starts_with(p, AR_KAF) || starts_with(p, AR_LAM))
        p += 2;
    return starts_with(p, AR_AL) && strlen(p) > 6;
}

/* Fills t->forms for an Arabic word whose norm (n bytes) is already set.
 * Every form is a suffix of the norm. */
static void word_forms(lia_token *t, size_t n)
{
    const char *w = t->norm;
    if (starts_with(w, AR_AL) && n_chars(w + 4, n - 4) >= 2)
        add_form(t, w + 4);
    else
        add_form(t, w);
    /* Every proclitic combination starts with و, ف, ب, ك or ل. */
    int proclitic = starts_with(w, AR_WAW) || starts_with(w, AR_FA) || starts_with(w, AR_BA)
                    || starts_with(w, AR_KAF) || starts_with(w, AR_LAM);
    for (size_t i = 0; proclitic && i < sizeof clitics / sizeof clitics[0]; i++) {
        size_t pl = clitics[i].len;
        /* Each clitic letter has its own second UTF-8 byte: a cheap
         * first test, as most prefixes differ from the word there. */
        if (pl >= n || w[1] != clitics[i].prefix[1] || !starts_with(w, clitics[i].prefix)
            || n_chars(w + pl, n - pl) < 2)
            continue;
        /* Nothing but an article left ("فال" → ال) is no word: it would
         * read as آل. */
        if (n - pl == 4 && starts_with(w + pl, AR_AL))
            continue;
        add_form(t, w + pl);       /* suffixes of norm: no copy needed */
        if (clitics[i].conj)
            t->has_conj = 1;
    }
    /* A word whose own first letters read as ال after normalization
     * (ألمانيا → المانيا) lost them to the article strip in its rule
     * entry; with a real article or clitics before it ("الألمانية",
     * "بالألمانية") it needs that form too. */
    for (int i = 0, n0 = t->n_forms; i < n0; i++) {
        const char *f = t->forms[i];
        size_t fl = n - (size_t)(f - w);
        if (f != w && starts_with(f, AR_AL) && n_chars(f + 4, fl - 4) >= 2)
            add_form(t, f + 4);
    }
    /* The whole word too, for names whose first alef carried a hamza
     * ("ألباريس"): their rule entries keep the ال. */
    if (starts_with(w, AR_AL))
        add_form(t, w);
}

/* ---- the analyses of words already seen ----
 *
 * word_forms and word_has_article read nothing but the word's bytes, and
 * news repeats its words: each thread keeps what they found for the words
 * it has tokenized (where each form starts, its hash, the flags), and a
 * word seen again copies that instead of working it out anew, which gives
 * the same token.  The cache is emptied when its WORD_CACHE_ENTRIES (less
 * than half the slots) are taken, words of at most WORD_CACHE_MAX_BYTES.  The
 * slots hold small indexes into entries kept in the order they came: a
 * thread touches only the memory of the words it has seen (slots of whole
 * entries, 3.4 MB touched all over, were a page fault per 4 KB per thread). */
enum { WORD_CACHE_BITS = 15, WORD_CACHE_SLOTS = 1 << WORD_CACHE_BITS, WORD_CACHE_MAX_BYTES = 64,
       WORD_INLINE = 28 };

/* One cache line of what a look-up compares (and the word itself, when
 * short: nearly every word), then one of form hashes: a word found again
 * costs the two lines of its entry, not a third for its bytes elsewhere. */
typedef struct {
    uint64_t quick;          /* quick_hash(word): picks the slot */
    unsigned long hash;      /* lia_hash(word) */
    unsigned char len;
    unsigned char n_forms, has_conj, has_article;
    unsigned char form_at[LIA_MAX_FORMS];   /* form k is word + form_at[k] (a suffix) */
    char word[WORD_INLINE];  /* the word's bytes when len <= WORD_INLINE */
    const char *long_word;   /* else the word, in the cache's arena */
    unsigned long form_hash[LIA_MAX_FORMS];
} word_entry;

/* The entries, then the slots: one block of 2 MB on a huge page
 * (lia_huge_calloc), a page fault per thread rather than one per 4 KB
 * filled; the entries are what the slots leave of it. */
enum { WORD_CACHE_BLOCK = 2 << 20,
       WORD_CACHE_ENTRIES = (WORD_CACHE_BLOCK - WORD_CACHE_SLOTS * sizeof(uint16_t)) / sizeof(word_entry) };
_Static_assert(sizeof(word_entry) == 128, "an entry is two cache lines");
_Static_assert(WORD_CACHE_ENTRIES < UINT16_MAX && 2 * WORD_CACHE_ENTRIES <= WORD_CACHE_SLOTS,
               "an entry's index + 1 fits a slot, and the slots stay at most half full");

typedef struct {
    uint16_t *slots;         /* WORD_CACHE_SLOTS of them: 0 empty, else 1 + an entry's index */
    word_entry *entries;     /* room for WORD_CACHE_ENTRIES, the first n in use */
    size_t n;
    lia_arena *words;        /* the bytes of words longer than WORD_INLINE */
} word_cache;

static pthread_key_t word_cache_key;
static pthread_once_t word_cache_once = PTHREAD_ONCE_INIT;

static void word_cache_free(void *arg)
{
    word_cache *wc = arg;
    if (!wc)
        return;
    lia_huge_free(wc->entries, WORD_CACHE_BLOCK);   /* and the slots, in the same block */
    lia_arena_free(wc->words);
    free(wc);
}

static void word_cache_key_init(void)
{
    pthread_key_create(&word_cache_key, word_cache_free);
}

/* This thread's cache, made on first use; freed when the thread exits. */
static word_cache *thread_word_cache(void)
{
    pthread_once(&word_cache_once, word_cache_key_init);
    word_cache *wc = pthread_getspecific(word_cache_key);
    if (!wc) {
        wc = xcalloc(1, sizeof *wc);
        wc->entries = lia_huge_calloc(WORD_CACHE_BLOCK);
        wc->slots = (uint16_t *)(void *)(wc->entries + WORD_CACHE_ENTRIES);
        wc->words = lia_arena_new();
        pthread_setspecific(word_cache_key, wc);
    }
    return wc;
}

static void word_cache_clear(word_cache *wc)
{
    memset(wc->slots, 0, WORD_CACHE_SLOTS * sizeof *wc->slots);
    lia_arena_free(wc->words);
    wc->words = lia_arena_new();
    wc->n = 0;
}

/* Eight bytes from p, in memory order. */
static inline uint64_t load64(const char *p)
{
    uint64_t w;
    memcpy(&w, p, sizeof w);
    return w;
}

static inline uint64_t load32(const char *p)
{
    uint32_t w;
    memcpy(&w, p, sizeof w);
    return w;
}

/* A hash of the n bytes at s (n >= 1) that reads them eight at a time and
 * nothing outside them (overlapping reads for the last ones): it picks
 * the word cache's slot, so that lia_hash, a byte at a time, is worked
 * out only for the words the cache has not seen. */
static uint64_t quick_hash(const char *s, size_t n)
{
    const uint64_t k = UINT64_C(0x9E3779B97F4A7C15);
    uint64_t h = (uint64_t)n * k, w;
    size_t i = 0;
    for (; i + 8 < n; i += 8)
        h = (h ^ load64(s + i)) * k;
    if (n >= 8)
        w = load64(s + n - 8);
    else if (n >= 4)
        w = load32(s) << 32 | load32(s + n - 4);
    else
        w = (uint64_t)(unsigned char)s[0] << 16 | (uint64_t)(unsigned char)s[n / 2] << 8
            | (unsigned char)s[n - 1];
    return (h ^ w) * k;
}

/* The cache slot of a word with quick_hash q: its top bits, the best mixed. */
static inline size_t word_slot(uint64_t q)
{
    return (size_t)(q >> (64 - WORD_CACHE_BITS));
}

/* Sets the norm_hash, forms, has_conj and has_article of the Arabic word
 * t, whose norm (n bytes) is set: from the cache when the word is in it,
 * else worked out and cached. */
static void analyse_word(word_cache *wc, lia_token *t, size_t n)
{
    if (n > WORD_CACHE_MAX_BYTES) {
        t->norm_hash = lia_hash(t->norm);
        t->has_article = word_has_article(t->norm);
        word_forms(t, n);
        return;
    }
    uint64_t q = quick_hash(t->norm, n);
    size_t mask = WORD_CACHE_SLOTS - 1, k = word_slot(q);
    for (; wc->slots[k]; k = (k + 1) & mask) {
        const word_entry *e = &wc->entries[wc->slots[k] - 1];
        if (e->quick == q && e->len == n
            && memcmp(n <= WORD_INLINE ? e->word : e->long_word, t->norm, n) == 0) {
            t->norm_hash = e->hash;
            t->n_forms = e->n_forms;
            for (int f = 0; f < e->n_forms; f++) {
                t->forms[f] = t->norm + e->form_at[f];
                t->form_hash[f] = e->form_hash[f];
            }
            t->has_conj = e->has_conj;
            t->has_article = e->has_article;
            return;
        }
    }
    t->norm_hash = lia_hash(t->norm);
    t->has_article = word_has_article(t->norm);
    word_forms(t, n);
    if (wc->n + 1 > WORD_CACHE_ENTRIES) {
        word_cache_clear(wc);
        k = word_slot(q);
    }
    word_entry *e = &wc->entries[wc->n];
    wc->slots[k] = (uint16_t)(wc->n + 1);
    if (n <= WORD_INLINE)
        memcpy(e->word, t->norm, n);
    else
        e->long_word = lia_arena_strndup(wc->words, t->norm, n);
    e->quick = q;
    e->hash = t->norm_hash;
    e->len = (unsigned char)n;
    e->n_forms = (unsigned char)t->n_forms;
    for (int f = 0; f < t->n_forms; f++) {
        e->form_at[f] = (unsigned char)(t->forms[f] - t->norm);
        e->form_hash[f] = t->form_hash[f];
    }
    e->has_conj = (unsigned char)t->has_conj;
    e->has_article = (unsigned char)t->has_article;
    wc->n++;
}

const char *lia_entry_key_in(const char *norm_word)
{
    if (!norm_word)
        return "";
    size_t n = strlen(norm_word);
    if ((starts_with(norm_word, AR_AL) || starts_with(norm_word, AR_LAM AR_LAM)) &&
        n_chars(norm_word + 4, n - 4) >= 2)
        return norm_word + 4;
    return norm_word;
}

char *lia_entry_key(const char *norm_word)
{
    return xstrdup(lia_entry_key_in(norm_word));
}

int lia_token_matches(const lia_token *t, const char *key)
{
    for (int i = 0; i < t->n_forms; i++)
        if (strcmp(t->forms[i], key) == 0)
            return 1;
    return 0;
}

int lia_token_matches_hashed(const lia_token *t, const char *key, unsigned long hash)
{
    for (int i = 0; i < t->n_forms; i++)
        if (t->form_hash[i] == hash && strcmp(t->forms[i], key) == 0)
            return 1;
    return 0;
}

/* ---- sentences ---- */

static const char *const latin_abbrev[] = {
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt", "sgt", "capt",
    "gov", "sen", "rep", "inc", "ltd", "co", "corp", "vs", "etc", "no", "maj", "adm",
    "brig", "cmdr", "rev", "hon", "pres", "dept", "univ", "est", "approx", "fig", "al",
};

/* Does the '.' token at index i end a sentence? */
static int period_ends_sentence(const lia_tokens *ts, size_t i)
{
    if (i == 0)
        return 1;
    const lia_token *prev = &ts->tok[i - 1];
    const lia_token *dot = &ts->tok[i];
    const lia_token *next = i + 1 < ts->n ? &ts->tok[i + 1] : NULL;
    int prev_adjacent = prev->nend == dot->nstart;
    if (prev_adjacent && prev->kind == LIA_TOK_LATIN) {
        size_t len = strlen(prev->norm);
        if (len == 1)
            return 0;       /* an initial (J. Smith); case is folded by now */
        for (size_t k = 0; k < sizeof latin_abbrev / sizeof latin_abbrev[0]; k++)
            if (strcmp(prev->norm, latin_abbrev[k]) == 0)
                return 0;
    }
    /* Arabic title abbreviation: د. (doctor), ا. (ustadh). */
    if (prev_adjacent && prev->kind == LIA_TOK_WORD &&
        (strcmp(prev->norm, "\xD8\xAF") == 0 || strcmp(prev->norm, "\xD8\xA7") == 0))
        return 0;
    /* Inside a Latin name or address: u.s, tanja7.com */
    if (next && prev_adjacent && next->nstart == dot->nend &&
        (prev->kind == LIA_TOK_LATIN || prev->kind == LIA_TOK_NUMBER) &&
        (next->kind == LIA_TOK_LATIN || next->kind == LIA_TOK_NUMBER))
        return 0;
    return 1;
}

static int is_terminator(const lia_token *t)
{
    return t->kind == LIA_TOK_PUNCT && (strcmp(t->norm, ".") == 0 || strcmp(t->norm, "?") == 0 ||
                                        strcmp(t->norm, "!") == 0);
}

static int is_closer(const lia_token *t)
{
    return t->kind == LIA_TOK_PUNCT &&
           (strcmp(t->norm, "\"") == 0 || strcmp(t->norm, "'") == 0 || strcmp(t->norm, ")") == 0 ||
            strcmp(t->norm, "]") == 0 || strcmp(t->norm, "}") == 0);
}

/* Assigns sentence indexes and builds ts->sent.  newline_before[i] says
 * whether a line break separates token i from token i - 1. */
static void split_sentences(lia_tokens *ts, const unsigned char *newline_before)
{
    VEC(lia_sentence) sent = {0};
    size_t first = 0;
    for (size_t i = 0; i < ts->n; i++) {
        if (i > first && newline_before[i]) {
            lia_sentence s = {first, i, ts->tok[first].start, ts->tok[i - 1].end};
            VEC_PUSH(sent, s);
            first = i;
        }
        if (!is_terminator(&ts->tok[i]))
            continue;
        if (strcmp(ts->tok[i].norm, ".") == 0 && !period_ends_sentence(ts, i))
            continue;
        size_t end = i + 1;
        /* absorb further terminators and adjacent closing quotes/brackets */
        while (end < ts->n && !newline_before[end] &&
               ts->tok[end].nstart == ts->tok[end - 1].nend &&
               (is_terminator(&ts->tok[end]) || is_closer(&ts->tok[end])))
            end++;
        lia_sentence s = {first, end, ts->tok[first].start, ts->tok[end - 1].end};
        VEC_PUSH(sent, s);
        first = end;
        i = end - 1;
    }
    if (first < ts->n) {
        lia_sentence s = {first, ts->n, ts->tok[first].start, ts->tok[ts->n - 1].end};
        VEC_PUSH(sent, s);
    }
    for (size_t k = 0; k < sent.n; k++)
        for (size_t j = sent.v[k].first; j < sent.v[k].last; j++)
            ts->tok[j].sentence = (int)k;
    ts->sent = sent.v;
    ts->n_sent = sent.n;
}

/* ---- the tokenizer ---- */

static long parse_number(const char *s, size_t n)
{
    long v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '.')
            break;
        if (s[i] >= '0' && s[i] <= '9') {
            if (v < 1000000000000L)
                v = v * 10 + (s[i] - '0');
        }
    }
    return v;
}

/* Length of a number starting at s[i]: a digit run, with thousands groups
 * (",ddd") and at most one decimal part (".d+"). */
static size_t scan_number(const char *s, size_t len, size_t i)
{
    size_t j = i;
    while (j < len && is_digit((unsigned char)s[j]))
        j++;
    for (;;) {
        if (j + 3 < len && s[j] == ',' && is_digit((unsigned char)s[j + 1]) &&
            is_digit((unsigned char)s[j + 2]) && is_digit((unsigned char)s[j + 3]) &&
            (j + 4 >= len || !is_digit((unsigned char)s[j + 4]))) {
            j += 4;
            continue;
        }
        break;
    }
    if (j + 1 < len && s[j] == '.' && is_digit((unsigned char)s[j + 1])) {
        j++;
        while (j < len && is_digit((unsigned char)s[j]))
            j++;
    }
    return j - i;
}

/* Zeroes every field of a new token but its forms and their hashes (the
 * two arrays between norm_hash and number), which nothing reads past
 * n_forms (0 here): they are most of a token's 200 bytes, and a text has
 * many tokens.  A field added elsewhere in lia_token is zeroed too. */
_Static_assert(offsetof(lia_token, form_hash) == offsetof(lia_token, forms) + sizeof(const char *[LIA_MAX_FORMS])
               && offsetof(lia_token, number) == offsetof(lia_token, form_hash) + sizeof(unsigned long[LIA_MAX_FORMS]),
               "clear_token leaves only the forms and their hashes");

static void clear_token(lia_token *tk)
{
    memset(tk, 0, offsetof(lia_token, forms));
    memset(&tk->number, 0, sizeof *tk - offsetof(lia_token, number));
}

#ifdef __SSE2__
/* How many of the sixteen bytes at u the word loop's fast path would take
 * as letters of U+0621..U+064A (D8 A1-BF, D9 80-8A) one after the other:
 * an even count, 0 to 16.  With SSE2 (every x86-64 has it). */
static size_t letter_run16(const unsigned char *u)
{
    const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)u);
    const __m128i prev = _mm_slli_si128(v, 1);          /* byte k: u[k - 1] (0 for k = 0) */
    /* As signed bytes: A1-BF are -95..-65, 80-8A are -128..-118. */
    const __m128i after_d8 = _mm_and_si128(_mm_cmpeq_epi8(prev, _mm_set1_epi8((char)0xD8)),
                                           _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(-96)),
                                                         _mm_cmplt_epi8(v, _mm_set1_epi8(-64))));
    const __m128i after_d9 = _mm_and_si128(_mm_cmpeq_epi8(prev, _mm_set1_epi8((char)0xD9)),
                                           _mm_cmplt_epi8(v, _mm_set1_epi8(-117)));
    /* Bit k: the letter that starts at byte k (k even) is one of those. */
    const unsigned letter = (unsigned)_mm_movemask_epi8(_mm_or_si128(after_d8, after_d9)) >> 1;
    const unsigned not_letter = ~letter & 0x5555u;
    return not_letter ? (size_t)__builtin_ctz(not_letter) : 16;
}
#endif

typedef VEC(lia_token) token_vec;
typedef VEC(unsigned char) byte_vec;

/* Room for the norms of every token of a text of len bytes: each is its
 * bytes and a NUL, and a token has at least one byte. */
static size_t norms_room(size_t len)
{
    return 2 * len + 1;
}

/* Tokenizes t into out: the tokens' norms in norms (norms_room(t->len)
 * bytes), their other strings from arena a, the tokens in *toks and the
 * line breaks before them in *nl (both emptied first, their memory
 * reused); out->tok is toks->v, out->sent is new. */
static void tokenize_into(const lia_normtext *t, char *norms, lia_arena *a, token_vec *toks_io,
                          byte_vec *nl_io, lia_tokens *out)
{
    memset(out, 0, sizeof *out);
    out->arena = a;
    word_cache *cache = thread_word_cache();
    token_vec toks = *toks_io;
    toks.n = 0;
    /* About one token per ten bytes of Arabic: sized once for most texts. */
    if (toks.cap < t->len / 10 + 16) {
        free(toks.v);
        toks.cap = t->len / 10 + 16;
        toks.v = xmalloc(toks.cap * sizeof *toks.v);
    }
    byte_vec nl = *nl_io;
    nl.n = 0;
    const char *s = t->text;
    size_t len = t->len;
    int paragraph = 0;
    int newline_pending = 0;
    size_t i = 0;

    while (i < len) {
        /* Fast path: a plain space, most of the gaps between tokens, is
         * what the general case below skips without a line break. */
        if (s[i] == ' ') {
            i++;
            continue;
        }
        size_t next;
        UChar32 c = peek(s, len, i, &next);
        if (is_space(c)) {
            if (c == '\n' || c == '\r') {     /* CRLF, LF or a lone CR */
                if (!newline_pending && toks.n)
                    paragraph++;
                newline_pending = 1;
            }
            i = next;
            continue;
        }
        /* The token is made in place at the end of toks (no copy of it). */
        if (toks.n == toks.cap) {
            toks.cap = 2 * toks.cap;
            toks.v = xrealloc(toks.v, toks.cap * sizeof *toks.v);
        }
        lia_token *tk = &toks.v[toks.n];
        clear_token(tk);
        size_t start = i, end = next;
        /* (U+0621..U+064A first: the letters of nearly every word.) */
        if ((c >= 0x0621 && c <= 0x064A) || is_arabic_letter(c)) {
            tk->kind = LIA_TOK_WORD;
            while (end < len) {
#ifdef __SSE2__
                if (len - end >= 16) {
                    size_t k = letter_run16((const unsigned char *)s + end);
                    end += k;
                    if (k == 16)
                        continue;
                }
#endif
                /* Fast path: a letter of U+0621..U+064A, most of a word. */
                const unsigned char *u = (const unsigned char *)s + end;
                if (end + 1 < len && ((u[0] == 0xD8 && u[1] >= 0xA1 && u[1] <= 0xBF)
                                      || (u[0] == 0xD9 && u[1] >= 0x80 && u[1] <= 0x8A))) {
                    end += 2;
                    continue;
                }
                /* An ASCII character (the space or punctuation that ends
                 * most words) is neither a letter of the word nor a mark. */
                if (u[0] < 0x80)
                    break;
                size_t n2;
                UChar32 c2 = peek(s, len, end, &n2);
                if (!is_arabic_letter(c2) && !is_mark(c2))
                    break;
                end = n2;
            }
        } else if (is_other_letter(c)) {
            tk->kind = LIA_TOK_LATIN;
            while (end < len) {
                size_t n2;
                UChar32 c2 = peek(s, len, end, &n2);
                if (!is_other_letter(c2) && !is_digit(c2) && !is_mark(c2))
                    break;
                end = n2;
            }
        } else if (is_digit(c)) {
            tk->kind = LIA_TOK_NUMBER;
            end = start + scan_number(s, len, start);
        } else {
            tk->kind = LIA_TOK_PUNCT;
        }
        memcpy(norms, s + start, end - start);
        norms[end - start] = '\0';
        tk->norm = norms;
        norms += end - start + 1;
        tk->nstart = start;
        tk->nend = end;
        tk->start = t->orig[start];
        /* the end of the last character: the origin of the next normalized
         * byte, or the original length */
        tk->end = t->orig[end];
        if (tk->end <= tk->start) {     /* a token inside one expanded source char ("…") */
            size_t k = end;
            while (k < len && t->orig[k] == tk->start)
                k++;
            tk->end = t->orig[k];
        }
        tk->paragraph = paragraph;
        if (tk->kind == LIA_TOK_WORD) {
            analyse_word(cache, tk, end - start);
        } else {
            tk->norm_hash = lia_hash(tk->norm);
            tk->has_article = word_has_article(tk->norm);
            tk->forms[0] = tk->norm;
            tk->form_hash[0] = tk->norm_hash;
            tk->n_forms = 1;
            if (tk->kind == LIA_TOK_NUMBER)
                tk->number = parse_number(tk->norm, end - start);
        }
        toks.n++;
        VEC_PUSH(nl, (unsigned char)newline_pending);
        newline_pending = 0;
        i = end;
    }
    out->tok = toks.v;
    out->n = toks.n;
    split_sentences(out, nl.v);
    *toks_io = toks;
    *nl_io = nl;
}

lia_status lia_tokenize(const lia_normtext *t, lia_tokens *out, lia_diag *d)
{
    (void)d;
    token_vec toks = { 0 };
    byte_vec nl = { 0 };
    lia_arena *a = lia_arena_new();
    tokenize_into(t, lia_arena_alloc(a, norms_room(t->len)), a, &toks, &nl, out);
    VEC_FREE(nl);
    return LIA_OK;
}

struct lia_tokenizer {
    lia_arena *arena;
    char *norms;             /* norms_cap bytes, kept from run to run */
    size_t norms_cap;
    token_vec toks;
    byte_vec nl;
    lia_tokens out;          /* the last call's tokens; tok is toks.v */
};

lia_tokenizer *lia_tokenizer_new(void)
{
    lia_tokenizer *tz = xcalloc(1, sizeof *tz);
    tz->arena = lia_arena_new();
    return tz;
}

const lia_tokens *lia_tokenizer_run(lia_tokenizer *tz, const lia_normtext *t)
{
    free(tz->out.sent);
    lia_arena_reset(tz->arena);
    if (tz->norms_cap < norms_room(t->len)) {
        free(tz->norms);
        tz->norms_cap = norms_room(t->len);
        tz->norms = xmalloc(tz->norms_cap);
    }
    tokenize_into(t, tz->norms, tz->arena, &tz->toks, &tz->nl, &tz->out);
    return &tz->out;
}

void lia_tokenizer_free(lia_tokenizer *tz)
{
    if (!tz)
        return;
    free(tz->out.sent);
    free(tz->norms);
    VEC_FREE(tz->toks);
    VEC_FREE(tz->nl);
    lia_arena_free(tz->arena);
    free(tz);
}

void lia_tokens_release(lia_tokens *t)
{
    if (!t)
        return;
    free(t->tok);
    free(t->sent);
    lia_arena_free(t->arena);
    memset(t, 0, sizeof *t);
}
