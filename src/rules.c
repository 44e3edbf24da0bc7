/* rules.c — loads a rules directory (rules/README.md) into a lia_rules:
 * gazetteers into one phrase trie, lexicon classes into another, relation
 * patterns compiled and indexed by their anchor.  Loading is all-or-nothing;
 * every error is reported as file:line:col: message.  Nothing here reads
 * documents. */
#include "rules.h"

#include <ctype.h>
#include <errno.h>
#include <stdatomic.h>
#include <dirent.h>
#include <stdint.h>
#include <unicode/uloc.h>
#include <unicode/ustring.h>
#include <unistd.h>

#include "normalize.h"
#include "spelling.h"
#include "tokenize.h"

/* ------------------------------------------------------------------ trie */

/* A trie node taken from a, which owns it, its child map and its refs:
 * the rules' tries are freed all at once, with that arena. */
static lia_trie *trie_new(lia_arena *a)
{
    lia_trie *t = lia_arena_calloc(a, sizeof *t);
    lia_map_init_in(&t->kids, a);
    return t;
}

/* Adds ref to node t of a trie whose memory is a's. */
static void trie_add_ref(lia_arena *a, lia_trie *t, lia_gaz_ref ref)
{
    if (t->refs.n == t->refs.cap) {
        size_t cap = t->refs.cap ? 2 * t->refs.cap : 2;
        lia_gaz_ref *v = lia_arena_alloc(a, cap * sizeof *v);
        if (t->refs.n)
            memcpy(v, t->refs.v, t->refs.n * sizeof *v);
        t->refs.v = v;
        t->refs.cap = cap;
    }
    t->refs.v[t->refs.n++] = ref;
}

/* Sets key_bits on a trie's root (once the rules are loaded: tries do not
 * change after).  Deeper nodes are only reached after a hit, and have few
 * children. */
static void trie_index_keys(lia_trie *root)
{
    size_t bits = 64;
    while (bits < 16 * root->kids.n)      /* about one false hit in twenty */
        bits *= 2;
    root->key_bits = xcalloc(bits / 64, sizeof *root->key_bits);
    root->key_bits_mask = bits - 1;
    for (size_t i = 0; i < root->kids.cap; i++) {
        const lia_map_slot *s = &root->kids.slots[i];
        if (s->key)
            root->key_bits[(s->hash & root->key_bits_mask) >> 6] |= UINT64_C(1) << (s->hash & 63);
    }
}

const lia_trie *lia_trie_step(const lia_trie *t, const char *key)
{
    return lia_map_get(&t->kids, key);
}

const lia_trie *lia_trie_step_hashed(const lia_trie *t, const char *key, unsigned long hash)
{
    if (t->key_bits && !(t->key_bits[(hash & t->key_bits_mask) >> 6] >> (hash & 63) & 1))
        return NULL;
    return lia_map_get_hashed(&t->kids, key, hash);
}

/* The entry keys of a phrase, through the same normalizer and tokenizer as
 * the text (tz, reused from phrase to phrase).  Returns the number of keys
 * (0 on an empty phrase); *out is malloc'd, but the keys it lists may be
 * tz's, valid until its next run. */
/* The key of the word whose normalized form is norm and whose original
 * bytes start at raw. */
static const char *word_key(const char *norm, const unsigned char *raw)
{
    /* "ألباريس", "إلياس": an alef with hamza before lam is no article,
     * though normalization makes it look like one. */
    int hamza = raw[0] == 0xD8 && (raw[1] == 0xA3 || raw[1] == 0xA5 || raw[1] == 0xA2);
    return hamza ? norm : lia_entry_key_in(norm);
}

/* phrase_keys for a plain phrase (lia_normalize_plain: Arabic letters and
 * spaces), without the normalizer's offset map and the tokenizer: such a
 * phrase normalizes byte for byte, and its tokens are its runs of letters
 * (words, each starting where its original does).  Returns 0 and sets
 * nothing when the phrase is not plain.  The keys point into *out's own
 * block. */
static int plain_phrase_keys(const char *phrase, size_t len, const char ***out, size_t *n_keys)
{
    size_t max_words = len / 2 + 1;
    const char **keys = xmalloc((max_words + 1) * sizeof *keys + len + 1);
    char *text = (char *)(keys + max_words + 1);
    if (!lia_normalize_plain(phrase, len, text)) {
        free(keys);
        return 0;
    }
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        if (text[i] == ' ') {
            text[i++] = '\0';
            continue;
        }
        size_t start = i;
        while (i < len && text[i] != ' ')
            i++;
        text[i] = '\0';            /* text has room for it at len */
        keys[n++] = word_key(text + start, (const unsigned char *)phrase + start);
        if (i < len)
            i++;
    }
    keys[n] = NULL;
    *out = keys;
    *n_keys = n;
    return 1;
}

static size_t phrase_keys(lia_tokenizer *tz, const char *phrase, const char ***out)
{
    lia_normtext nt;
    *out = NULL;
    size_t len = strlen(phrase), n_plain;
    if (plain_phrase_keys(phrase, len, out, &n_plain))
        return n_plain;
    if (lia_normalize(phrase, len, &nt, NULL) != LIA_OK)
        return 0;
    const lia_tokens *toks = lia_tokenizer_run(tz, &nt);
    const char **keys = xcalloc(toks->n + 1, sizeof *keys);
    for (size_t i = 0; i < toks->n; i++)
        keys[i] = word_key(toks->tok[i].norm, (const unsigned char *)phrase + toks->tok[i].start);
    lia_normtext_release(&nt);
    *out = keys;
    return toks->n;
}

/* Set by trie_insert when the phrase already named another entry of the
 * same kind (for the conflicting-alias lint). */
static int trie_conflict = -1;

static int trie_insert(lia_rules *r, lia_trie *root, const char *phrase, lia_gaz_ref ref)
{
    trie_conflict = -1;
    lia_arena *a = r->tries;
    const char **keys;
    size_t n = phrase_keys(r->phrase_tokenizer, phrase, &keys);
    if (n == 0) {
        free(keys);
        return 0;
    }
    lia_trie *t = root;
    for (size_t i = 0; i < n; i++) {
        lia_trie *k = lia_map_get(&t->kids, keys[i]);
        if (!k) {
            k = trie_new(a);
            lia_map_put(&t->kids, keys[i], k);
        }
        t = k;
    }
    for (size_t i = 0; i < t->refs.n; i++) {
        if (t->refs.v[i].kind == ref.kind && t->refs.v[i].index == ref.index)
            goto done;
        if (t->refs.v[i].kind == ref.kind)
            trie_conflict = t->refs.v[i].index;
    }
    trie_add_ref(a, t, ref);
done:
    free(keys);
    return 1;
}

/* ---------------------------------------------------------- line reader */

typedef struct {
    const char *file;     /* path for messages */
    int line;
    lia_diag *d;
    int errors;
} loader;

static void rule_error(loader *ld, int col, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void rule_error(loader *ld, int col, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    lia_warn(ld->d, "%s:%d:%d: %s", ld->file, ld->line, col, msg);
    ld->errors++;
}

/* Splits a TSV line in place into at most max columns; returns the count.
 * cols_at[i] is each column's 1-based character column for messages. */
static int split_tsv(char *line, char **cols, int *cols_at, int max)
{
    int n = 0;
    char *p = line;
    while (n < max) {
        cols[n] = p;
        cols_at[n] = (int)(p - line) + 1;
        n++;
        char *tab = strchr(p, '\t');
        if (!tab)
            break;
        *tab = '\0';
        p = tab + 1;
    }
    return n;
}

static int blank_or_comment(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    return *s == '\0' || *s == '#';
}

static char *col_or_empty(const char *s)
{
    return xstrdup(strcmp(s, "-") == 0 ? "" : s);
}

typedef void (*row_fn)(lia_rules *r, loader *ld, char **cols, int *at, int n);

static void load_tsv(lia_rules *r, const char *path, int ncols, row_fn fn, lia_diag *d,
                     int *errors)
{
    char *text;
    size_t len;
    loader ld = { path, 0, d, 0 };
    if (lia_read_file(path, &text, &len, d) != LIA_OK) {
        lia_warn(d, "%s:0:0: %s", path, d->message);
        (*errors)++;
        return;
    }
    char *save = NULL;
    char *p = text;
    for (char *line = p; line; line = save) {
        char *nl = strchr(line, '\n');
        save = nl ? nl + 1 : NULL;
        if (nl)
            *nl = '\0';
        ld.line++;
        size_t l = strlen(line);
        if (l && line[l - 1] == '\r')
            line[--l] = '\0';
        if (ld.line == 1 && (unsigned char)line[0] == 0xEF && (unsigned char)line[1] == 0xBB
            && (unsigned char)line[2] == 0xBF)
            line += 3;
        if (blank_or_comment(line))
            continue;
        char *cols[16];
        int at[16];
        int n = split_tsv(line, cols, at, 16);
        if (n != ncols) {
            rule_error(&ld, 1, "expected %d TAB-separated columns, found %d", ncols, n);
            continue;
        }
        int empty = 0;
        for (int i = 0; i < n; i++)
            if (cols[i][0] == '\0') {
                rule_error(&ld, at[i], "empty column %d (write '-' for none)", i + 1);
                empty = 1;
            }
        if (!empty)
            fn(r, &ld, cols, at, n);
    }
    free(text);
    *errors += ld.errors;
}

/* ----------------------------------------------------------- validators */

static int valid_key(const char *k)
{
    if (!*k)
        return 0;
    for (const char *p = k; *p; p++)
        if (!(islower((unsigned char)*p) || isdigit((unsigned char)*p) || *p == '-'))
            return 0;
    return 1;
}

int lia_rules_country_index(const lia_rules *r, const char *code)
{
    intptr_t i = (intptr_t)lia_map_get(&r->country_by_code, code);
    return (int)i - 1;
}

const lia_country *lia_rules_country(const lia_rules *r, const char *code)
{
    int i = lia_rules_country_index(r, code);
    return i < 0 ? NULL : &r->countries.v[i];
}

static int check_country(lia_rules *r, loader *ld, const char *code, int col, int allow_none)
{
    if (allow_none && strcmp(code, "-") == 0)
        return 1;
    if (lia_rules_country_index(r, code) < 0) {
        rule_error(ld, col, "unknown country '%s' (want an ISO 3166-1 alpha-2 code such as MA)",
                   code);
        return 0;
    }
    return 1;
}

static int register_key(lia_rules *r, loader *ld, const char *key, int col, lia_gaz_kind kind,
                        int index)
{
    if (!valid_key(key)) {
        rule_error(ld, col, "bad key '%s' (use lower-case ASCII letters, digits and '-')", key);
        return 0;
    }
    if (lia_map_get(&r->entity_by_key, key)) {
        rule_error(ld, col, "duplicate key '%s'", key);
        return 0;
    }
    lia_gaz_ref *ref = xmalloc(sizeof *ref);
    ref->kind = kind;
    ref->index = index;
    VEC_PUSH(r->owned_refs, ref);
    lia_map_put(&r->entity_by_key, key, ref);
    return 1;
}

const lia_gaz_ref *lia_rules_lookup(const lia_rules *r, const char *key)
{
    return lia_map_get(&r->entity_by_key, key);
}

/* Inserts every '|'-separated phrase of list into the names trie. */
static void insert_names(lia_rules *r, loader *ld, const char *list, int col, lia_gaz_kind kind,
                         int index)
{
    if (strcmp(list, "-") == 0)
        return;
    char *copy = xstrdup(list);
    for (char *save = NULL, *ph = strtok_r(copy, "|", &save); ph; ph = strtok_r(NULL, "|", &save)) {
        while (*ph == ' ')
            ph++;
        if (!*ph)
            continue;
        if (!trie_insert(r, &r->names, ph, (lia_gaz_ref){ kind, index }))
            rule_error(ld, col, "name '%s' has no words", ph);
        else if (trie_conflict >= 0 && ld->d)
            /* Two entries of one kind share a name (طرابلس: Libya's and
             * Lebanon's): allowed, the matcher takes the first, but the
             * author should know. */
            lia_warn(ld->d, "%s:%d:%d: warning: name '%s' also names another entry of the same "
                     "kind", ld->file, ld->line, col, ph);
    }
    free(copy);
}

static char *first_name(const char *list)
{
    const char *bar = strchr(list, '|');
    return bar ? xstrndup(list, (size_t)(bar - list)) : xstrdup(list);
}

/* ------------------------------------------------------------ countries */

/* Is key one of the words between bars of words ("|مملكه|سلطنه|")? */
static int barred_word_in(const char *words, const char *key)
{
    size_t n = strlen(key);
    for (const char *w = words ? strstr(words, key) : NULL; w; w = strstr(w + 1, key))
        if (w > words && w[-1] == '|' && w[n] == '|')
            return 1;
    return 0;
}

/* Records the first word of a name of several words ("المملكة المتحدة" →
 * مملكه) in co->state_words, once. */
static void add_state_word(lia_country *co, const char *name)
{
    char *norm = lia_normalize_str(name);
    char *space = norm ? strchr(norm, ' ') : NULL;
    if (space) {
        *space = '\0';
        const char *key = lia_entry_key_in(norm);
        if (!barred_word_in(co->state_words, key)) {
            const char *old = co->state_words ? co->state_words : "|";
            size_t size = strlen(old) + strlen(key) + 2;
            char *words = xmalloc(size);
            snprintf(words, size, "%s%s|", old, key);
            free(co->state_words);
            co->state_words = words;
        }
    }
    free(norm);
}

int lia_rules_country_has_state_word(const lia_rules *r, int country, const char *key)
{
    return barred_word_in(r->countries.v[country].state_words, key);
}

static char *icu_country_name(const char *code, const char *display)
{
    UChar buf[256];
    UErrorCode err = U_ZERO_ERROR;
    char loc[16];
    snprintf(loc, sizeof loc, "und_%s", code);
    int32_t n = uloc_getDisplayCountry(loc, display, buf, 256, &err);
    if (U_FAILURE(err) || n <= 0)
        return NULL;
    char out[1024];
    int32_t m = 0;
    err = U_ZERO_ERROR;
    u_strToUTF8(out, sizeof out, &m, buf, n, &err);
    if (U_FAILURE(err))
        return NULL;
    return xstrndup(out, (size_t)m);
}

static void load_icu_countries(lia_rules *r)
{
    /* ICU also lists ISO 3166's exceptionally reserved codes (Canary
     * Islands, Ceuta and Melilla, ...): they are not states. */
    static const char *const not_states[] = { "AC", "CP", "DG", "EA", "IC", "TA", NULL };
    for (const char *const *c = uloc_getISOCountries(); *c; c++) {
        int skip = 0;
        for (const char *const *ns = not_states; *ns; ns++)
            skip |= strcmp(*c, *ns) == 0;
        if (skip)
            continue;
        lia_country co;
        memset(&co, 0, sizeof co);
        memcpy(co.code, *c, 2);
        co.name = icu_country_name(*c, "ar");
        co.latin = icu_country_name(*c, "en");
        if (!co.name || !co.latin) {
            free(co.name);
            free(co.latin);
            continue;
        }
        co.capital = -1;
        add_state_word(&co, co.name);
        VEC_PUSH(r->countries, co);
        lia_map_put(&r->country_by_code, co.code, (void *)(intptr_t)r->countries.n);
    }
    for (size_t i = 0; i < r->countries.n; i++)
        trie_insert(r, &r->names, r->countries.v[i].name, (lia_gaz_ref){ LIA_G_COUNTRY, (int)i });
}

/* Inserts the regular inflections of a masculine nisba ending in ي:
 * feminine, sound plurals, both duals ("الروسيتين") and the accusative -an. */
static void insert_nisba(lia_rules *r, const char *m, int country)
{
    static const char *const endings[] = { "", "ة", "ون", "ين", "ات", "ا", "ان", "تان", "تين" };
    static const char YA[] = "\xd9\x8a";   /* ي */
    for (size_t i = 0; i < sizeof endings / sizeof *endings; i++) {
        /* Every word of a two-word nisba agrees: "كورية شمالية". */
        strbuf form;
        sb_init(&form);
        const char *w = m;
        while (*w) {
            const char *sp = strchr(w, ' ');
            size_t n = sp ? (size_t)(sp - w) : strlen(w);
            sb_add(&form, w, n);
            if (n >= 2 && memcmp(w + n - 2, YA, 2) == 0)
                sb_adds(&form, endings[i]);
            if (!sp)
                break;
            sb_addc(&form, ' ');
            w = sp + 1;
        }
        trie_insert(r, &r->names, form.s ? form.s : "", (lia_gaz_ref){ LIA_G_NISBA, country });
        sb_release(&form);
    }
}

static void row_country(lia_rules *r, loader *ld, char **c, int *at, int n)
{
    if (!check_country(r, ld, c[0], at[0], 0))
        return;
    int idx = lia_rules_country_index(r, c[0]);
    insert_names(r, ld, c[1], at[1], LIA_G_COUNTRY, idx);
    char *names = xstrdup(c[1]);
    for (char *s = NULL, *m = strtok_r(names, "|", &s); m; m = strtok_r(NULL, "|", &s))
        add_state_word(&r->countries.v[idx], m);
    free(names);
    if (strcmp(c[2], "-") != 0) {
        char *copy = xstrdup(c[2]);
        for (char *s = NULL, *m = strtok_r(copy, "|", &s); m; m = strtok_r(NULL, "|", &s))
            insert_nisba(r, m, idx);
        free(copy);
    }
    insert_names(r, ld, c[3], at[3], LIA_G_NISBA, idx);
}

static void row_city(lia_rules *r, loader *ld, char **c, int *at, int n)
{
    if (!check_country(r, ld, c[1], at[1], 0))
        return;
    if (strcmp(c[3], "yes") != 0 && strcmp(c[3], "no") != 0) {
        rule_error(ld, at[3], "capital must be 'yes' or 'no', not '%s'", c[3]);
        return;
    }
    int idx = (int)r->cities.n;
    if (!register_key(r, ld, c[0], at[0], LIA_G_CITY, idx))
        return;
    lia_city city = { xstrdup(c[0]), xstrdup(c[1]), xstrdup(c[2]), first_name(c[4]),
                      strcmp(c[3], "yes") == 0 };
    VEC_PUSH(r->cities, city);
    insert_names(r, ld, c[4], at[4], LIA_G_CITY, idx);
    if (city.capital) {
        lia_country *co = &r->countries.v[lia_rules_country_index(r, c[1])];
        if (co->capital < 0)
            co->capital = idx;
    }
}

/* A seat column: "-" or a city of cities.tsv (loaded before). */
static int check_seat(lia_rules *r, loader *ld, const char *seat, int at)
{
    if (strcmp(seat, "-") == 0)
        return 1;
    const lia_gaz_ref *g = lia_rules_lookup(r, seat);
    if (g && g->kind == LIA_G_CITY)
        return 1;
    rule_error(ld, at, "unknown city '%s'", seat);
    return 0;
}

static void row_agency(lia_rules *r, loader *ld, char **c, int *at, int n)
{
    if (!check_country(r, ld, c[1], at[1], 0) || !check_seat(r, ld, c[7], at[7]))
        return;
    int idx = (int)r->agencies.n;
    if (!register_key(r, ld, c[0], at[0], LIA_G_AGENCY, idx))
        return;
    lia_agency a = { xstrdup(c[0]), xstrdup(c[1]), col_or_empty(c[2]), col_or_empty(c[3]),
                     xstrdup(c[4]), first_name(c[6]), col_or_empty(c[7]) };
    VEC_PUSH(r->agencies, a);
    insert_names(r, ld, c[5], at[5], LIA_G_AGENCY, idx);
    insert_names(r, ld, c[6], at[6], LIA_G_AGENCY, idx);
}

static void row_kind(lia_rules *r, loader *ld, char **c, int *at, int n)
{
    if (!valid_key(c[0])) {
        rule_error(ld, at[0], "bad kind '%s'", c[0]);
        return;
    }
    for (size_t i = 0; i < r->kinds.n; i++)
        if (strcmp(r->kinds.v[i].kind, c[0]) == 0) {
            rule_error(ld, at[0], "duplicate kind '%s'", c[0]);
            return;
        }
    int idx = (int)r->kinds.n;
    lia_agency_kind k = { xstrdup(c[0]), xstrdup(c[1]), first_name(c[2]) };
    VEC_PUSH(r->kinds, k);
    insert_names(r, ld, c[2], at[2], LIA_G_KIND, idx);
}

static void row_org(lia_rules *r, loader *ld, char **c, int *at, int n)
{
    if (!check_country(r, ld, c[2], at[2], 1) || !check_seat(r, ld, c[7], at[7]))
        return;
    int idx = (int)r->orgs.n;
    if (!register_key(r, ld, c[0], at[0], LIA_G_ORG, idx))
        return;
    lia_org o = { xstrdup(c[0]), xstrdup(c[1]), col_or_empty(c[2]), col_or_empty(c[3]),
                  xstrdup(c[4]), first_name(c[6]), col_or_empty(c[7]) };
    VEC_PUSH(r->orgs, o);
    insert_names(r, ld, c[5], at[5], LIA_G_ORG, idx);
    insert_names(r, ld, c[6], at[6], LIA_G_ORG, idx);
}

static void row_event(lia_rules *r, loader *ld, char **c, int *at, int n)
{
    if (!check_country(r, ld, c[1], at[1], 1))
        return;
    int idx = (int)r->events.n;
    if (!register_key(r, ld, c[0], at[0], LIA_G_EVENT, idx))
        return;
    lia_event_entry e = { xstrdup(c[0]), col_or_empty(c[1]), xstrdup(c[2]), first_name(c[4]) };
    VEC_PUSH(r->events, e);
    insert_names(r, ld, c[3], at[3], LIA_G_EVENT, idx);
    insert_names(r, ld, c[4], at[4], LIA_G_EVENT, idx);
}

/* YYYY, YYYY-MM or YYYY-MM-DD, copied into out (11 bytes). */
static int parse_tenure_date(const char *s, size_t n, char *out)
{
    if (n != 0 && n != 4 && n != 7 && n != 10)
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (i == 4 || i == 7) {
            if (s[i] != '-')
                return 0;
        } else if (!isdigit((unsigned char)s[i])) {
            return 0;
        }
    }
    memcpy(out, s, n);
    out[n] = '\0';
    return 1;
}

char *lia_name_skeleton(const char *utf8);

/* Indexes a multi-word name variant of official idx by its skeleton; a
 * skeleton two officials share is marked ambiguous (never matches). */
static void index_skeleton(lia_rules *r, const char *name, int idx)
{
    const char *last = strrchr(name, ' ');
    if (!last)
        return;
    /* A family name of two consonants and the article ("المومني": ALMN)
     * reads as common words ("الأمين") once vowels go. */
    char *lk = lia_name_skeleton(last + 1);
    size_t strong = strlen(lk) - (strncmp(lk, "AL", 2) == 0 ? 2 : 0);
    free(lk);
    if (strong < 3)
        return;
    char *sk = lia_name_skeleton(name);
    intptr_t prev = (intptr_t)lia_map_get(&r->official_by_skeleton, sk);
    if (!prev)
        lia_map_put(&r->official_by_skeleton, sk, (void *)(intptr_t)(idx + 1));
    else if (prev != idx + 1)
        lia_map_put(&r->official_by_skeleton, sk, (void *)(intptr_t)-1);
    free(sk);
}

static void row_official(lia_rules *r, loader *ld, char **c, int *at, int n)
{
    if (!check_country(r, ld, c[1], at[1], 0))
        return;
    int idx = (int)r->officials.n;
    if (!register_key(r, ld, c[0], at[0], LIA_G_PERSON, idx))
        return;
    lia_official o = { xstrdup(c[0]), xstrdup(c[1]), xstrdup(c[2]), first_name(c[3]), NULL, 0 };
    if (strcmp(c[4], "-") != 0) {
        char *copy = xstrdup(c[4]);
        for (char *s = NULL, *role = strtok_r(copy, ";", &s); role; role = strtok_r(NULL, ";", &s)) {
            while (*role == ' ')
                role++;
            int col = at[4] + (int)(role - copy);
            char *atsign = strchr(role, '@');
            char *colon = atsign ? strchr(atsign, ':') : NULL;
            char *dots = colon ? strstr(colon, "..") : NULL;
            lia_role ro;
            memset(&ro, 0, sizeof ro);
            if (!atsign || !colon || !dots
                || !parse_tenure_date(colon + 1, (size_t)(dots - colon - 1), ro.start)
                || !parse_tenure_date(dots + 2, strlen(dots + 2), ro.end) || !ro.start[0]) {
                rule_error(ld, col, "bad role '%s' (want OFFICE@BODY:START..END)", role);
                continue;
            }
            ro.office = xstrndup(role, (size_t)(atsign - role));
            ro.body = xstrndup(atsign + 1, (size_t)(colon - atsign - 1));
            if (ro.end[0] && strcmp(ro.end, ro.start) < 0)
                rule_error(ld, col, "tenure ends (%s) before it starts (%s)", ro.end, ro.start);
            o.roles = xrealloc(o.roles, (o.n_roles + 1) * sizeof *o.roles);
            o.roles[o.n_roles++] = ro;
        }
        free(copy);
    }
    VEC_PUSH(r->officials, o);
    insert_names(r, ld, c[3], at[3], LIA_G_PERSON, idx);
    char *copy = xstrdup(c[3]);
    for (char *sv = NULL, *nm = strtok_r(copy, "|", &sv); nm; nm = strtok_r(NULL, "|", &sv)) {
        index_skeleton(r, nm, idx);
        char *norm = lia_normalize_str(nm);
        lia_spellings_learn(r->spellings, norm, o.latin, o.country);
        free(norm);
    }
    free(copy);
}

/* A news agency's dateline tags ("واس") and the country it reports from. */
static void row_news_agency(lia_rules *r, loader *ld, char **c, int *at, int n)
{
    (void)n;
    if (!check_country(r, ld, c[0], at[0], 0))
        return;
    int idx = lia_rules_country_index(r, c[0]);
    char *copy = xstrdup(c[1]);
    for (char *s = NULL, *ph = strtok_r(copy, "|", &s); ph; ph = strtok_r(NULL, "|", &s))
        if (!trie_insert(r, &r->news_tags, ph, (lia_gaz_ref){ LIA_G_COUNTRY, idx }))
            rule_error(ld, at[1], "tag '%s' has no words", ph);
    free(copy);
}

static void row_title(lia_rules *r, loader *ld, char **c, int *at, int n)
{
    int idx = (int)r->titles.n;
    lia_title t = { xstrdup(c[0]), xstrdup(c[1]) };
    VEC_PUSH(r->titles, t);
    insert_names(r, ld, c[2], at[2], LIA_G_TITLE, idx);
}

int lia_rules_class(const lia_rules *r, const char *name)
{
    return (int)(intptr_t)lia_map_get(&r->class_by_name, name) - 1;
}

static void row_lexicon(lia_rules *r, loader *ld, char **c, int *at, int n)
{
    int cls = lia_rules_class(r, c[0]);
    if (cls < 0) {
        if (!valid_key(c[0]) && strchr(c[0], '_') == NULL) {
            rule_error(ld, at[0], "bad class name '%s'", c[0]);
            return;
        }
        VEC_PUSH(r->classes, xstrdup(c[0]));
        cls = (int)r->classes.n - 1;
        lia_map_put(&r->class_by_name, c[0], (void *)(intptr_t)r->classes.n);
    }
    char *copy = xstrdup(c[1]);
    /* Split on '|' by hand: "," is itself a phrase of list_sep. */
    for (char *s = NULL, *ph = strtok_r(copy, "|", &s); ph; ph = strtok_r(NULL, "|", &s))
        if (!trie_insert(r, &r->lexicon, ph, (lia_gaz_ref){ LIA_G_TITLE, cls }))
            rule_error(ld, at[1], "phrase '%s' has no words", ph);
    free(copy);
}

/* ------------------------------------------------------------- patterns */

static int parse_types(const char *s, int *types)
{
    static const struct { const char *name; int bits; } names[] = {
        { "person", LIA_T_PERSON }, { "agency", LIA_T_AGENCY }, { "country", LIA_T_COUNTRY },
        { "city", LIA_T_CITY }, { "organization", LIA_T_ORG }, { "event", LIA_T_EVENT },
        { "actor", LIA_T_ACTOR }, { "place", LIA_T_PLACE }, { "party", LIA_T_PARTY },
    };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(s, names[i].name) == 0) {
            *types = names[i].bits;
            return 1;
        }
    return 0;
}

static int parse_element(lia_rules *r, loader *ld, char *w, int col, lia_pelem *el)
{
    memset(el, 0, sizeof *el);
    size_t len = strlen(w);
    if (len > 1 && w[len - 1] == '?') {
        el->optional = 1;
        w[--len] = '\0';
    }
    if (strncmp(w, "...", 3) == 0) {
        char *end;
        long g = strtol(w + 3, &end, 10);
        if (*end || g <= 0 || g > 60 || el->optional) {
            rule_error(ld, col, "bad gap '%s' (want ...N with N from 1 to 60)", w);
            return 0;
        }
        el->kind = LIA_P_GAP;
        el->gap = (int)g;
        return 1;
    }
    if (w[0] == '@') {
        el->kind = LIA_P_CLASS;
        el->cls = lia_rules_class(r, w + 1);
        if (el->cls < 0) {
            rule_error(ld, col, "unknown lexicon class '%s'", w + 1);
            return 0;
        }
        return 1;
    }
    if ((w[0] == 'A' || w[0] == 'B') && w[1] == ':') {
        el->kind = LIA_P_CAPTURE;
        el->capture = w[0];
        if (len > 2 && w[len - 1] == '+') {
            el->list = 1;
            w[--len] = '\0';
        }
        if (!parse_types(w + 2, &el->types)) {
            rule_error(ld, col + 2, "unknown type '%s' (person, agency, country, city, "
                       "organization, event, actor, place)", w + 2);
            return 0;
        }
        return 1;
    }
    const char **keys;
    size_t n = phrase_keys(r->phrase_tokenizer, w, &keys);
    if (n != 1) {
        rule_error(ld, col, "'%s' is not one word", w);
        free(keys);
        return 0;
    }
    el->kind = LIA_P_WORD;
    el->word = xstrdup(keys[0]);
    el->word_hash = lia_hash(el->word);
    free(keys);
    return 1;
}

static void finish_pattern(lia_rules *r, loader *ld, lia_pattern *p)
{
    if (!p->id)
        return;
    if (p->n_el == 0)
        rule_error(ld, 1, "rule '%s' has no pattern", p->id);
    else if (p->n_examples == 0)
        rule_error(ld, 1, "rule '%s' has no example", p->id);
    for (size_t i = 0; i < p->n_el; i++)
        p->has_b |= p->el[i].kind == LIA_P_CAPTURE && p->el[i].capture == 'B';
    /* Without B: attended takes the current event; met takes the pair
     * its A stands for ("الجانبان"); visited takes the place of the visit
     * the document told ("يرافقها X"). */
    if (p->n_el && !p->has_b && strcmp(p->relation, "attended") != 0 && strcmp(p->relation, "met") != 0
        && strcmp(p->relation, "visited") != 0)
        rule_error(ld, 1, "rule '%s' captures no B", p->id);
    VEC_PUSH(r->patterns, *p);
    memset(p, 0, sizeof *p);
}

static void load_patterns(lia_rules *r, const char *path, lia_diag *d, int *errors)
{
    static const char *const relations[] = { "met", "visited", "attended", "heads", "hosted" };
    char *text;
    size_t len;
    loader ld = { path, 0, d, 0 };
    if (lia_read_file(path, &text, &len, d) != LIA_OK) {
        lia_warn(d, "%s:0:0: %s", path, d->message);
        (*errors)++;
        return;
    }
    lia_pattern cur;
    memset(&cur, 0, sizeof cur);
    int cur_line = 0;
    char *save = NULL;
    for (char *line = text; line; line = save) {
        char *nl = strchr(line, '\n');
        save = nl ? nl + 1 : NULL;
        if (nl)
            *nl = '\0';
        ld.line++;
        size_t l = strlen(line);
        if (l && line[l - 1] == '\r')
            line[--l] = '\0';
        if (blank_or_comment(line))
            continue;
        char *p = line;
        while (*p == ' ' || *p == '\t')
            p++;
        int col = (int)(p - line) + 1;
        char *rest = p;
        while (*rest && *rest != ' ' && *rest != '\t')
            rest++;
        size_t wl = (size_t)(rest - p);
        while (*rest == ' ' || *rest == '\t')
            rest++;
        int rest_col = (int)(rest - line) + 1;
        if (wl == 4 && strncmp(p, "rule", 4) == 0) {
            int keep = ld.line;
            ld.line = cur_line;
            finish_pattern(r, &ld, &cur);
            ld.line = keep;
            cur_line = ld.line;
            char id[256], rel[64];
            if (sscanf(rest, "%255s %63s", id, rel) != 2) {
                rule_error(&ld, rest_col, "want 'rule ID RELATION'");
                continue;
            }
            int ok = 0;
            for (size_t i = 0; i < sizeof relations / sizeof *relations; i++)
                ok |= strcmp(rel, relations[i]) == 0;
            if (!ok) {
                rule_error(&ld, rest_col + (int)strlen(id) + 1,
                           "unknown relation '%s' (met, visited, attended, heads, hosted)", rel);
                continue;
            }
            for (size_t i = 0; i < r->patterns.n; i++)
                if (strcmp(r->patterns.v[i].id, id) == 0)
                    rule_error(&ld, rest_col, "duplicate rule id '%s'", id);
            cur.id = xstrdup(id);
            cur.relation = xstrdup(rel);
            cur.file = xstrdup(path);
            cur.line = ld.line;
        } else if (!cur.id) {
            rule_error(&ld, col, "'%.*s' outside a rule (start one with 'rule ID RELATION')",
                       (int)wl, p);
        } else if (wl == 7 && strncmp(p, "pattern", 7) == 0) {
            if (cur.n_el) {
                rule_error(&ld, col, "rule '%s' has two patterns", cur.id);
                continue;
            }
            char *copy = xstrdup(rest);
            char *s2 = NULL;
            for (char *w = strtok_r(copy, " \t", &s2); w; w = strtok_r(NULL, " \t", &s2)) {
                lia_pelem el;
                if (parse_element(r, &ld, w, rest_col + (int)(w - copy), &el)) {
                    cur.el = xrealloc(cur.el, (cur.n_el + 1) * sizeof *cur.el);
                    cur.el[cur.n_el++] = el;
                }
            }
            free(copy);
        } else if (wl == 7 && strncmp(p, "example", 7) == 0) {
            cur.examples = xrealloc(cur.examples, (cur.n_examples + 1) * sizeof *cur.examples);
            cur.examples[cur.n_examples++] = (lia_example){ xstrdup(rest), NULL, NULL };
        } else if (wl == 6 && strncmp(p, "expect", 6) == 0) {
            char *tilde = strchr(rest, '~');
            if (!cur.n_examples || !tilde) {
                rule_error(&ld, col, "want 'expect NAME_A ~ NAME_B' after an example");
                continue;
            }
            lia_example *ex = &cur.examples[cur.n_examples - 1];
            if (ex->expect_a) {   /* a second expectation for the same text */
                cur.examples = xrealloc(cur.examples,
                                        (cur.n_examples + 1) * sizeof *cur.examples);
                ex = &cur.examples[cur.n_examples - 1];
                cur.examples[cur.n_examples++] = (lia_example){ xstrdup(ex->text), NULL, NULL };
                ex = &cur.examples[cur.n_examples - 1];
            }
            char *a_end = tilde;
            while (a_end > rest && a_end[-1] == ' ')
                a_end--;
            char *b = tilde + 1;
            while (*b == ' ')
                b++;
            ex->expect_a = xstrndup(rest, (size_t)(a_end - rest));
            ex->expect_b = xstrdup(b);
        } else {
            rule_error(&ld, col, "unknown keyword '%.*s' (rule, pattern, example, expect)",
                       (int)wl, p);
        }
    }
    ld.line = cur_line;
    finish_pattern(r, &ld, &cur);
    free(text);
    *errors += ld.errors;
}

/* Indexes each pattern by its anchor: the first required word or class. */
static void index_patterns(lia_rules *r)
{
    r->patterns_by_anchor = xcalloc(r->classes.n + 1, sizeof *r->patterns_by_anchor);
    lia_map_init(&r->patterns_by_word);
    size_t class_words = r->classes.n / 64 + 1;
    for (size_t i = 0; i < r->patterns.n; i++) {
        lia_pattern *p = &r->patterns.v[i];
        p->needed_classes = xcalloc(class_words, sizeof *p->needed_classes);
        for (size_t j = 0; j < p->n_el; j++) {
            const lia_pelem *e = &p->el[j];
            if (e->kind != LIA_P_CLASS || e->optional)
                continue;
            if (e->cls < 0)
                p->never_matches = 1;
            else
                p->needed_classes[e->cls / 64] |= UINT64_C(1) << (e->cls % 64);
        }
        p->anchor_el = p->n_el;
        for (size_t j = 0; j < p->n_el && p->anchor_el == p->n_el; j++) {
            const lia_pelem *e = &p->el[j];
            if (e->optional || e->kind == LIA_P_GAP)
                continue;
            if (e->kind == LIA_P_CLASS) {
                VEC_PUSH(r->patterns_by_anchor[e->cls], (int)i);
                p->anchor_el = j;
            } else if (e->kind == LIA_P_WORD) {
                lia_intvec *list = lia_map_get(&r->patterns_by_word, e->word);
                if (!list) {
                    list = xcalloc(1, sizeof *list);
                    lia_map_put(&r->patterns_by_word, e->word, list);
                }
                VEC_PUSH(*list, (int)i);
                p->anchor_el = j;
            }
        }
        if (p->anchor_el == p->n_el)
            VEC_PUSH(r->unanchored, (int)i);
    }
    lia_key_filter_build(&r->pattern_words, &r->patterns_by_word);
}

const lia_intvec *lia_rules_patterns_of_word(const lia_rules *r, const char *form, unsigned long hash)
{
    if (!lia_key_filter_may_have(&r->pattern_words, hash))
        return NULL;
    return lia_map_get_hashed(&r->patterns_by_word, form, hash);
}

/* ------------------------------------------------------------- loading */

/* The sorted names of dir's files that start with prefix and end with suffix. */
static size_t list_files(const char *dir, const char *prefix, const char *suffix, char ***out)
{
    VEC(char *) names = { 0 };
    DIR *dp = opendir(dir);
    if (dp) {
        struct dirent *e;
        while ((e = readdir(dp))) {
            size_t n = strlen(e->d_name), ls = strlen(suffix);
            if (strncmp(e->d_name, prefix, strlen(prefix)) == 0 && n > ls
                && strcmp(e->d_name + n - ls, suffix) == 0)
                VEC_PUSH(names, xasprintf("%s/%s", dir, e->d_name));
        }
        closedir(dp);
    }
    if (names.n)
        qsort(names.v, names.n, sizeof *names.v, lia_cmp_strp);
    *out = names.v;
    return names.n;
}

static void load_all(lia_rules *r, const char *dir, const char *prefix, const char *suffix,
                     int ncols, row_fn fn, lia_diag *d, int *errors)
{
    char **files;
    size_t n = list_files(dir, prefix, suffix, &files);
    for (size_t i = 0; i < n; i++) {
        if (fn)
            load_tsv(r, files[i], ncols, fn, d, errors);
        else
            load_patterns(r, files[i], d, errors);
        free(files[i]);
    }
    free(files);
}

/* Cross-file checks: parents, role bodies, overlapping tenures. */
static void check_references(lia_rules *r, lia_diag *d, int *errors)
{
    for (size_t i = 0; i < r->agencies.n; i++) {
        const lia_agency *a = &r->agencies.v[i];
        if (a->parent[0] && !lia_rules_lookup(r, a->parent)) {
            lia_warn(d, "%s/agencies: agency '%s' names unknown parent '%s'", r->dir, a->key,
                     a->parent);
            (*errors)++;
        }
        for (const char *k = a->kind; *k;) {
            size_t n = strcspn(k, "|"), known = 0;
            for (size_t j = 0; j < r->kinds.n && !known; j++)
                known = strlen(r->kinds.v[j].kind) == n && strncmp(r->kinds.v[j].kind, k, n) == 0;
            if (!known) {
                lia_warn(d, "%s/agencies: agency '%s' has unknown kind '%.*s' (see agency_kinds.tsv)",
                         r->dir, a->key, (int)n, k);
                (*errors)++;
            }
            k += n + (k[n] == '|');
        }
    }
    for (size_t i = 0; i < r->officials.n; i++) {
        const lia_official *o = &r->officials.v[i];
        for (size_t j = 0; j < o->n_roles; j++) {
            const lia_role *ro = &o->roles[j];
            const char *dash = strchr(ro->body, '-');
            int known = lia_rules_lookup(r, ro->body) != NULL
                        || (strlen(ro->body) == 2 && lia_rules_country(r, ro->body));
            if (!known && dash && dash - ro->body == 2) {
                char cc[3] = { (char)toupper((unsigned char)ro->body[0]),
                               (char)toupper((unsigned char)ro->body[1]), 0 };
                for (size_t k = 0; k < r->kinds.n; k++)
                    known |= strcmp(r->kinds.v[k].kind, dash + 1) == 0;
                known &= lia_rules_country(r, cc) != NULL;
            }
            if (!known) {
                lia_warn(d, "%s/officials: '%s' holds an office in unknown body '%s'", r->dir,
                         o->key, ro->body);
                (*errors)++;
            }
        }
    }
    /* Overlapping tenures of the same head office: two people cannot direct
     * one body at once. */
    for (size_t i = 0; i < r->officials.n; i++)
        for (size_t j = 0; j < r->officials.v[i].n_roles; j++) {
            const lia_role *a = &r->officials.v[i].roles[j];
            if (strcmp(a->office, "deputy") == 0)
                continue;
            const lia_role_refs *same_body = lia_rules_roles_of(r, a->body);
            for (size_t q = 0; q < same_body->n; q++) {
                size_t k = (size_t)same_body->v[q].official;
                const lia_role *b = &r->officials.v[k].roles[same_body->v[q].role];
                if (k <= i || strcmp(a->office, b->office))
                    continue;
                const char *ae = a->end[0] ? a->end : "9999";
                const char *be = b->end[0] ? b->end : "9999";
                /* Compare on the common precision: a tenure given to the
                 * year only may share its end year with the next start. */
                size_t pa = strlen(ae) < strlen(b->start) ? strlen(ae) : strlen(b->start);
                size_t pb = strlen(be) < strlen(a->start) ? strlen(be) : strlen(a->start);
                if (strncmp(b->start, ae, pa) < 0 && strncmp(a->start, be, pb) < 0) {
                    lia_warn(d, "%s/officials: tenures of '%s' and '%s' as %s@%s overlap",
                             r->dir, r->officials.v[i].key, r->officials.v[k].key,
                             a->office, a->body);
                    (*errors)++;
                }
            }
        }
}

char *lia_name_skeleton(const char *utf8)
{
    /* The skeleton reads letters and word breaks (any run of spaces is
     * one), so a plain name's fold (lia_normalize_plain) serves as well as
     * lia_normalize_str's text, without its offset map. */
    size_t len = strlen(utf8);
    char *norm = xmalloc(len + 1);
    if (lia_normalize_plain(utf8, len, norm)) {
        norm[len] = '\0';
    } else {
        free(norm);
        norm = lia_normalize_str(utf8);
    }
    /* At most one letter per character: never longer than norm. */
    char *skeleton = xmalloc(strlen(norm) + 1);
    size_t n = 0;
    const unsigned char *p = (const unsigned char *)norm;
    int first_in_word = 1;
    while (*p) {
        unsigned int cp;
        size_t l;
        if (*p < 0x80) {
            cp = *p;
            l = 1;
        } else if ((*p & 0xE0) == 0xC0 && p[1]) {
            cp = ((unsigned)(*p & 0x1F) << 6) | (p[1] & 0x3F);
            l = 2;
        } else {
            cp = 0xFFFD;
            l = (*p & 0xF0) == 0xE0 ? 3 : 4;
        }
        p += l;
        if (cp == ' ') {
            first_in_word = 1;
            continue;
        }
        char k = 0;
        switch (cp) {
        case 0x627: case 0x648: case 0x64A: case 0x649: case 0x621:   /* ا و ي ى ء */
            k = first_in_word ? 'A' : 0;
            break;
        case 0x642: case 0x643: case 0x62C: case 0x63A: k = 'K'; break;  /* ق ك ج غ */
        case 0x62A: case 0x637: k = 'T'; break;
        case 0x633: case 0x635: case 0x62B: k = 'S'; break;
        case 0x632: case 0x630: case 0x638: case 0x636: k = 'Z'; break;
        case 0x647: case 0x62D: case 0x629: k = 'H'; break;
        case 0x62F: k = 'D'; break;
        case 0x631: k = 'R'; break;
        case 0x644: k = 'L'; break;
        case 0x645: k = 'M'; break;
        case 0x646: k = 'N'; break;
        case 0x628: k = 'B'; break;
        case 0x641: case 0x6A4: k = 'F'; break;
        case 0x634: k = 'C'; break;
        case 0x62E: k = 'X'; break;
        case 0x639: k = 'E'; break;
        default: k = cp < 0x80 ? (char)cp : '?'; break;
        }
        first_in_word = 0;
        if (k && !(n && skeleton[n - 1] == k))
            skeleton[n++] = k;
    }
    skeleton[n] = '\0';
    free(norm);
    return skeleton;
}

/* Resolving a title walks the tenures of one body, and the overlap check
 * compares tenures of one body: indexed once rather than scanned. */
static void index_roles(lia_rules *r)
{
    for (size_t i = 0; i < r->officials.n; i++)
        for (size_t j = 0; j < r->officials.v[i].n_roles; j++) {
            const char *body = r->officials.v[i].roles[j].body;
            lia_role_refs *list = lia_map_get(&r->roles_by_body, body);
            if (!list) {
                list = xcalloc(1, sizeof *list);
                lia_map_put(&r->roles_by_body, body, list);
            }
            lia_role_ref ref = { (int)i, (int)j };
            VEC_PUSH(*list, ref);
        }
}

const lia_role_refs *lia_rules_roles_of(const lia_rules *r, const char *body)
{
    return lia_map_get(&r->roles_by_body, body);
}

int lia_rules_official_by_skeleton(const lia_rules *r, const char *skeleton)
{
    intptr_t v = (intptr_t)lia_map_get(&r->official_by_skeleton, skeleton);
    return v > 0 ? (int)v - 1 : -1;
}

/* The country code (lower case) and '|'-separated kinds of body key, or
 * 0 when it has none. */
static int body_kinds(const lia_rules *r, const char *key, char cc[3], const char **kinds)
{
    const lia_gaz_ref *g = lia_rules_lookup(r, key);
    if (g && g->kind == LIA_G_AGENCY) {
        const lia_agency *a = &r->agencies.v[g->index];
        cc[0] = (char)tolower((unsigned char)a->country[0]);
        cc[1] = (char)tolower((unsigned char)a->country[1]);
        *kinds = a->kind;
    } else if (!g && strlen(key) > 3 && key[2] == '-') {
        cc[0] = key[0];          /* "ru-general-intelligence" */
        cc[1] = key[1];
        *kinds = key + 3;
    } else {
        return 0;
    }
    cc[2] = 0;
    return (*kinds)[0] != 0;
}

/* Does the '|'-separated kind list have the kind kind[0..n)? */
static int kinds_have(const char *kinds, const char *kind, size_t n)
{
    for (const char *l = kinds; *l;) {
        size_t m = strcspn(l, "|");
        if (m == n && strncmp(l, kind, n) == 0)
            return 1;
        l += m + (l[m] == '|');
    }
    return 0;
}

/* Do the '|'-separated kind lists ka and kb share a kind? */
static int kinds_meet(const char *ka, const char *kb)
{
    for (const char *k = ka; *k;) {
        size_t n = strcspn(k, "|");
        if (kinds_have(kb, k, n))
            return 1;
        k += n + (k[n] == '|');
    }
    return 0;
}

int lia_rules_bodies_alike(const lia_rules *r, const char *a, const char *b)
{
    if (strcmp(a, b) == 0)
        return 1;
    char ca[3], cb[3];
    const char *ka, *kb;
    if (!body_kinds(r, a, ca, &ka) || !body_kinds(r, b, cb, &kb) || strcmp(ca, cb) != 0)
        return 0;
    return kinds_meet(ka, kb);
}

int lia_rules_bodies_counterparts(const lia_rules *r, const char *a, const char *b)
{
    char ca[3], cb[3];
    const char *ka, *kb;
    if (!body_kinds(r, a, ca, &ka) || !body_kinds(r, b, cb, &kb) || strcmp(ca, cb) == 0)
        return 0;
    return kinds_meet(ka, kb);
}

const char *lia_rules_seat_of(const lia_rules *r, const char *key)
{
    const lia_gaz_ref *g = lia_rules_lookup(r, key);
    return !g                         ? ""
           : g->kind == LIA_G_AGENCY ? r->agencies.v[g->index].seat
           : g->kind == LIA_G_ORG    ? r->orgs.v[g->index].seat
                                     : "";
}

int lia_rules_counterpart_body(const lia_rules *r, const char *body, const char *cc, char *out, size_t cap)
{
    char own[3];
    const char *kinds;
    if (!body_kinds(r, body, own, &kinds) || strlen(cc) != 2)
        return 0;
    int n = (int)strcspn(kinds, "|");
    snprintf(out, cap, "%c%c-%.*s", tolower((unsigned char)cc[0]), tolower((unsigned char)cc[1]), n, kinds);
    intptr_t agency = (intptr_t)lia_map_get(&r->agency_of_kind, out);
    if (agency)
        snprintf(out, cap, "%s", r->agencies.v[agency - 1].key);
    return 1;
}

static void link_kinds(lia_rules *r)
{
    lia_map_init(&r->agency_of_kind);
    for (size_t i = 0; i < r->agencies.n; i++) {
        const lia_agency *a = &r->agencies.v[i];
        /* "general-intelligence|external-intelligence": one per kind. */
        for (const char *k = a->kind; *k;) {
            size_t n = strcspn(k, "|");
            char *key = xasprintf("%c%c-%.*s", tolower((unsigned char)a->country[0]),
                                  tolower((unsigned char)a->country[1]), (int)n, k);
            if (!lia_map_get(&r->agency_of_kind, key))
                lia_map_put(&r->agency_of_kind, key, (void *)(intptr_t)(i + 1));
            free(key);
            k += n + (k[n] == '|');
        }
    }
}

/* Sets r->named once every class is known (the lexicon makes them). */
static void look_up_named_classes(lia_rules *r)
{
    lia_named_classes *n = &r->named;
    n->accompany = lia_rules_class(r, "accompany");
    n->acting = lia_rules_class(r, "acting");
    n->after_talks = lia_rules_class(r, "after_talks");
    n->agency_head = lia_rules_class(r, "agency_head");
    n->already = lia_rules_class(r, "already");
    n->among = lia_rules_class(r, "among");
    n->anaphor = lia_rules_class(r, "anaphor");
    n->arrival = lia_rules_class(r, "arrival");
    n->attached_to = lia_rules_class(r, "attached_to");
    n->attend_noun = lia_rules_class(r, "attend_noun");
    n->attend_verb = lia_rules_class(r, "attend_verb");
    n->arrival_moment = lia_rules_class(r, "arrival_moment");
    n->both_sides = lia_rules_class(r, "both_sides");
    n->capital = lia_rules_class(r, "capital");
    n->city_word = lia_rules_class(r, "city_word");
    n->venue = lia_rules_class(r, "venue");
    n->venue_spot = lia_rules_class(r, "venue_spot");
    n->clause_join = lia_rules_class(r, "clause_join");
    n->clause_link = lia_rules_class(r, "clause_link");
    n->contrast_clause = lia_rules_class(r, "contrast_clause");
    n->counted_ref = lia_rules_class(r, "counted_ref");
    n->counterpart = lia_rules_class(r, "counterpart");
    n->day_of_sentence_before = lia_rules_class(r, "day_of_sentence_before");
    n->day_word = lia_rules_class(r, "day_word");
    n->during = lia_rules_class(r, "during");
    n->delegation = lia_rules_class(r, "delegation");
    n->delegation_adj = lia_rules_class(r, "delegation_adj");
    n->denial = lia_rules_class(r, "denial");
    n->depart_verb = lia_rules_class(r, "depart_verb");
    n->dual_delegation_heads = lia_rules_class(r, "dual_delegation_heads");
    n->attend_pron = lia_rules_class(r, "attend_pron");
    n->dual_each = lia_rules_class(r, "dual_each");
    n->dual_guests = lia_rules_class(r, "dual_guests");
    n->dual_leaders = lia_rules_class(r, "dual_leaders");
    n->dual_ministers = lia_rules_class(r, "dual_ministers");
    n->dual_officials = lia_rules_class(r, "dual_officials");
    n->each_counterpart = lia_rules_class(r, "each_counterpart");
    n->entourage = lia_rules_class(r, "entourage");
    n->finance_noun = lia_rules_class(r, "finance_noun");
    n->place_adjective = lia_rules_class(r, "place_adjective");
    n->event_head = lia_rules_class(r, "event_head");
    n->event_head_acc = lia_rules_class(r, "event_head_acc");
    n->event_ref = lia_rules_class(r, "event_ref");
    n->facility = lia_rules_class(r, "facility");
    n->family_particle = lia_rules_class(r, "family_particle");
    n->former = lia_rules_class(r, "former");
    n->future = lia_rules_class(r, "future");
    n->given_name = lia_rules_class(r, "given_name");
    n->group_ref = lia_rules_class(r, "group_ref");
    n->guest = lia_rules_class(r, "guest");
    n->heading_to = lia_rules_class(r, "heading_to");
    n->heir = lia_rules_class(r, "heir");
    n->high_level = lia_rules_class(r, "high_level");
    n->home_ref = lia_rules_class(r, "home_ref");
    n->honorific = lia_rules_class(r, "honorific");
    n->military_rank = lia_rules_class(r, "military_rank");
    n->host_ref = lia_rules_class(r, "host_ref");
    n->host_verb = lia_rules_class(r, "host_verb");
    n->host_verb_plain = lia_rules_class(r, "host_verb_plain");
    n->in_place_of = lia_rules_class(r, "in_place_of");
    n->includes = lia_rules_class(r, "includes");
    n->institution = lia_rules_class(r, "institution");
    n->civil_portfolio = lia_rules_class(r, "civil_portfolio");
    n->invite = lia_rules_class(r, "invite");
    n->arrival_pron = lia_rules_class(r, "arrival_pron");
    n->joined_them = lia_rules_class(r, "joined_them");
    n->lead = lia_rules_class(r, "lead");
    n->led_by = lia_rules_class(r, "led_by");
    n->list_intro = lia_rules_class(r, "list_intro");
    n->list_sep = lia_rules_class(r, "list_sep");
    n->made_by = lia_rules_class(r, "made_by");
    n->margin = lia_rules_class(r, "margin");
    n->margin_pron = lia_rules_class(r, "margin_pron");
    n->meeting_kind_adj = lia_rules_class(r, "meeting_kind_adj");
    n->multi_party = lia_rules_class(r, "multi_party");
    n->one_meeting = lia_rules_class(r, "one_meeting");
    n->topic_noun = lia_rules_class(r, "topic_noun");
    n->arrived = lia_rules_class(r, "arrived");
    n->gathered = lia_rules_class(r, "gathered");
    n->meeting_ref = lia_rules_class(r, "meeting_ref");
    n->message_from = lia_rules_class(r, "message_from");
    n->met_noun = lia_rules_class(r, "met_noun");
    n->reached_together = lia_rules_class(r, "reached_together");
    n->met_verb = lia_rules_class(r, "met_verb");
    n->met_verb_dual = lia_rules_class(r, "met_verb_dual");
    n->dual_object_pron = lia_rules_class(r, "dual_object_pron");
    n->dual_visit = lia_rules_class(r, "dual_visit");
    n->org_ref = lia_rules_class(r, "org_ref");
    n->receive_noun = lia_rules_class(r, "receive_noun");
    n->plural_title = lia_rules_class(r, "plural_title");
    n->met_noun_pron = lia_rules_class(r, "met_noun_pron");
    n->since_event = lia_rules_class(r, "since_event");
    n->ahead_of_event = lia_rules_class(r, "ahead_of_event");
    n->capacity = lia_rules_class(r, "capacity");
    n->chair_verb = lia_rules_class(r, "chair_verb");
    n->dated_name = lia_rules_class(r, "dated_name");
    n->subordinate_clause = lia_rules_class(r, "subordinate_clause");
    n->own_attendance = lia_rules_class(r, "own_attendance");
    n->name_inner = lia_rules_class(r, "name_inner");
    n->name_part = lia_rules_class(r, "name_part");
    n->negation = lia_rules_class(r, "negation");
    n->office_modifier = lia_rules_class(r, "office_modifier");
    n->next_occasion = lia_rules_class(r, "next_occasion");
    n->officials_of = lia_rules_class(r, "officials_of");
    n->ordinal = lia_rules_class(r, "ordinal");
    n->origin = lia_rules_class(r, "origin");
    n->reported_source = lia_rules_class(r, "reported_source");
    n->said = lia_rules_class(r, "said");
    n->place_topic = lia_rules_class(r, "place_topic");
    n->polity = lia_rules_class(r, "polity");
    n->outlet = lia_rules_class(r, "outlet");
    n->participants = lia_rules_class(r, "participants");
    n->welcome_ceremony = lia_rules_class(r, "welcome_ceremony");
    n->portfolio = lia_rules_class(r, "portfolio");
    n->post = lia_rules_class(r, "post");
    n->precedent = lia_rules_class(r, "precedent");
    n->predecessor_of = lia_rules_class(r, "predecessor_of");
    n->press_conference = lia_rules_class(r, "press_conference");
    n->receive = lia_rules_class(r, "receive");
    n->receive_pron = lia_rules_class(r, "receive_pron");
    n->region = lia_rules_class(r, "region");
    n->relative = lia_rules_class(r, "relative");
    n->relative_dual = lia_rules_class(r, "relative_dual");
    n->relative_plural = lia_rules_class(r, "relative_plural");
    n->remote = lia_rules_class(r, "remote");
    n->ruler_of = lia_rules_class(r, "ruler_of");
    n->sent_by = lia_rules_class(r, "sent_by");
    n->aides_of = lia_rules_class(r, "aides_of");
    n->serving_as = lia_rules_class(r, "serving_as");
    n->spouse = lia_rules_class(r, "spouse");
    n->sign_verb = lia_rules_class(r, "sign_verb");
    n->separately = lia_rules_class(r, "separately");
    n->side_of = lia_rules_class(r, "side_of");
    n->stop = lia_rules_class(r, "stop");
    n->style = lia_rules_class(r, "style");
    n->styled_ref = lia_rules_class(r, "styled_ref");
    n->summit = lia_rules_class(r, "summit");
    n->talks_named = lia_rules_class(r, "talks_named");
    n->signing_ceremony = lia_rules_class(r, "signing_ceremony");
    n->vehicle = lia_rules_class(r, "vehicle");
    n->byname = lia_rules_class(r, "byname");
    n->the_country = lia_rules_class(r, "the_country");
    n->held_then = lia_rules_class(r, "held_then");
    n->time_of_day = lia_rules_class(r, "time_of_day");
    n->tour = lia_rules_class(r, "tour");
    n->to = lia_rules_class(r, "to");
    n->tour_stop = lia_rules_class(r, "tour_stop");
    n->tour_ahead = lia_rules_class(r, "tour_ahead");
    n->tour_begin = lia_rules_class(r, "tour_begin");
    n->tour_took_in = lia_rules_class(r, "tour_took_in");
    n->vague_head = lia_rules_class(r, "vague_head");
    n->visit_noun = lia_rules_class(r, "visit_noun");
    n->visit_verb = lia_rules_class(r, "visit_verb");
    n->visited_it = lia_rules_class(r, "visited_it");
    n->was = lia_rules_class(r, "was");
    n->with = lia_rules_class(r, "with");
}

static lia_rules *rules_parse(const char *dir, lia_diag *d, int *errors)
{
    static atomic_ulong last_serial;
    lia_rules *r = xcalloc(1, sizeof *r);
    r->serial = atomic_fetch_add(&last_serial, 1) + 1;
    r->dir = xstrdup(dir);
    r->tries = lia_arena_new_large();
    r->phrase_tokenizer = lia_tokenizer_new();
    lia_map_init_in(&r->names.kids, r->tries);
    lia_map_init_in(&r->lexicon.kids, r->tries);
    lia_map_init_in(&r->news_tags.kids, r->tries);
    lia_map_init(&r->country_by_code);
    lia_map_init(&r->entity_by_key);
    lia_map_init(&r->official_by_skeleton);
    r->spellings = lia_spellings_new();
    lia_map_init(&r->roles_by_body);
    lia_map_init(&r->class_by_name);
    load_icu_countries(r);
    load_all(r, dir, "lexicon", ".tsv", 2, row_lexicon, d, errors);
    load_all(r, dir, "countries", ".tsv", 4, row_country, d, errors);
    load_all(r, dir, "cities", ".tsv", 5, row_city, d, errors);
    load_all(r, dir, "agency_kinds", ".tsv", 3, row_kind, d, errors);
    load_all(r, dir, "agencies", ".tsv", 8, row_agency, d, errors);
    load_all(r, dir, "organizations", ".tsv", 8, row_org, d, errors);
    load_all(r, dir, "events", ".tsv", 5, row_event, d, errors);
    load_all(r, dir, "officials", ".tsv", 5, row_official, d, errors);
    load_all(r, dir, "titles", ".tsv", 3, row_title, d, errors);
    load_all(r, dir, "news_agencies", ".tsv", 2, row_news_agency, d, errors);
    load_all(r, dir, "relations", ".rules", 0, NULL, d, errors);
    look_up_named_classes(r);
    index_roles(r);
    lia_spellings_settle(r->spellings);
    check_references(r, d, errors);
    link_kinds(r);
    index_patterns(r);
    trie_index_keys(&r->names);
    trie_index_keys(&r->lexicon);
    lia_tokenizer_free(r->phrase_tokenizer);
    r->phrase_tokenizer = NULL;
    return r;
}

lia_status lia_rules_load(const char *dir, lia_rules **out, lia_diag *d)
{
    *out = NULL;
    if (access(dir, R_OK) != 0)
        return lia_fail(d, LIA_ERR_RULES, "cannot read rules directory '%s': %s", dir,
                        strerror(errno));
    lia_diag local;
    lia_diag_init(&local);
    int errors = 0;
    lia_rules *r = rules_parse(dir, &local, &errors);
    if (errors) {
        lia_rules_free(r);
        lia_fail(d, LIA_ERR_RULES, "%d error%s in rules '%s' (run 'liaison rules check %s'):\n%s",
                 errors, errors == 1 ? "" : "s", dir, dir,
                 local.warnings ? local.warnings : "");
        size_t ml = strlen(d->message);
        if (ml && d->message[ml - 1] == '\n')
            d->message[ml - 1] = '\0';
        lia_diag_release(&local);
        return LIA_ERR_RULES;
    }
    lia_diag_release(&local);
    if (!r->patterns.n) {
        lia_rules_free(r);
        return lia_fail(d, LIA_ERR_RULES, "no relation rules in '%s' (want relations*.rules)",
                        dir);
    }
    *out = r;
    return LIA_OK;
}

lia_status lia_rules_check(const char *dir, lia_diag *d)
{
    if (access(dir, R_OK) != 0)
        return lia_fail(d, LIA_ERR_RULES, "cannot read rules directory '%s': %s", dir,
                        strerror(errno));
    int errors = 0;
    lia_rules *r = rules_parse(dir, d, &errors);
    lia_rules_free(r);
    return errors ? lia_fail(d, LIA_ERR_RULES, "%d error%s", errors, errors == 1 ? "" : "s")
                  : LIA_OK;
}

static void walk_aliases(const lia_trie *t, strbuf *prefix,
                         void (*fn)(const char *alias, void *ctx), void *ctx)
{
    if (t->refs.n)
        fn(prefix->s, ctx);
    /* Deterministic order: children sorted by key. */
    VEC(char *) keys = { 0 };
    for (size_t i = 0; i < t->kids.cap; i++)
        if (t->kids.slots[i].key)
            VEC_PUSH(keys, t->kids.slots[i].key);
    if (keys.n)
        qsort(keys.v, keys.n, sizeof *keys.v, lia_cmp_strp);
    for (size_t i = 0; i < keys.n; i++) {
        size_t keep = prefix->len;
        if (prefix->len)
            sb_addc(prefix, ' ');
        sb_adds(prefix, keys.v[i]);
        walk_aliases(lia_map_get(&t->kids, keys.v[i]), prefix, fn, ctx);
        prefix->len = keep;
        prefix->s[keep] = '\0';
    }
    VEC_FREE(keys);
}

void lia_rules_each_alias(const lia_rules *r, void (*fn)(const char *alias, void *ctx), void *ctx)
{
    strbuf b;
    sb_init(&b);
    sb_adds(&b, "");
    walk_aliases(&r->names, &b, fn, ctx);
    sb_release(&b);
}

const char *lia_rules_default_dir(const char *argv0)
{
    static char found[4096];
    const char *env = getenv("LIAISON_RULES");
    if (env && *env)
        return env;
    /* Beside the binary in a build tree (build/liaison → rules/), or the
     * installed data directory. */
    char exe[2048];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            static const char *const rel[] = { "/../rules", "/../../rules", "/rules",
                                               "/../share/liaison/rules" };
            for (size_t i = 0; i < sizeof rel / sizeof *rel; i++) {
                snprintf(found, sizeof found, "%s%s/relations.rules", exe, rel[i]);
                if (access(found, R_OK) == 0) {
                    snprintf(found, sizeof found, "%s%s", exe, rel[i]);
                    return found;
                }
            }
        }
    }
    (void)argv0;
#ifdef LIA_RULES_INSTALLED
    if (access(LIA_RULES_INSTALLED "/relations.rules", R_OK) == 0)
        return LIA_RULES_INSTALLED;
#endif
#ifdef LIA_RULES_SOURCE
    if (access(LIA_RULES_SOURCE "/relations.rules", R_OK) == 0)
        return LIA_RULES_SOURCE;
#endif
    if (access("rules/relations.rules", R_OK) == 0)
        return "rules";
    return NULL;
}

void lia_rules_free(lia_rules *r)
{
    if (!r)
        return;
    free(r->dir);
    for (size_t i = 0; i < r->countries.n; i++) {
        free(r->countries.v[i].name);
        free(r->countries.v[i].latin);
        free(r->countries.v[i].state_words);
    }
    VEC_FREE(r->countries);
    for (size_t i = 0; i < r->cities.n; i++) {
        lia_city *c = &r->cities.v[i];
        free(c->key); free(c->country); free(c->latin); free(c->name);
    }
    VEC_FREE(r->cities);
    for (size_t i = 0; i < r->agencies.n; i++) {
        lia_agency *a = &r->agencies.v[i];
        free(a->key); free(a->country); free(a->parent); free(a->kind); free(a->latin);
        free(a->name); free(a->seat);
    }
    VEC_FREE(r->agencies);
    for (size_t i = 0; i < r->kinds.n; i++) {
        free(r->kinds.v[i].kind); free(r->kinds.v[i].latin); free(r->kinds.v[i].name);
    }
    VEC_FREE(r->kinds);
    for (size_t i = 0; i < r->orgs.n; i++) {
        lia_org *o = &r->orgs.v[i];
        free(o->key); free(o->category); free(o->country); free(o->parent); free(o->latin);
        free(o->name); free(o->seat);
    }
    VEC_FREE(r->orgs);
    for (size_t i = 0; i < r->events.n; i++) {
        lia_event_entry *e = &r->events.v[i];
        free(e->key); free(e->country); free(e->latin); free(e->name);
    }
    VEC_FREE(r->events);
    for (size_t i = 0; i < r->officials.n; i++) {
        lia_official *o = &r->officials.v[i];
        for (size_t j = 0; j < o->n_roles; j++) {
            free(o->roles[j].office);
            free(o->roles[j].body);
        }
        free(o->roles); free(o->key); free(o->country); free(o->latin); free(o->name);
    }
    VEC_FREE(r->officials);
    for (size_t i = 0; i < r->titles.n; i++) {
        free(r->titles.v[i].id);
        free(r->titles.v[i].office);
    }
    VEC_FREE(r->titles);
    for (size_t i = 0; i < r->patterns.n; i++) {
        lia_pattern *p = &r->patterns.v[i];
        for (size_t j = 0; j < p->n_el; j++)
            free(p->el[j].word);
        free(p->el);
        free(p->needed_classes);
        for (size_t j = 0; j < p->n_examples; j++) {
            free(p->examples[j].text); free(p->examples[j].expect_a);
            free(p->examples[j].expect_b);
        }
        free(p->examples); free(p->id); free(p->relation); free(p->file);
    }
    VEC_FREE(r->patterns);
    if (r->patterns_by_anchor) {
        for (size_t i = 0; i <= r->classes.n; i++)
            VEC_FREE(r->patterns_by_anchor[i]);
        free(r->patterns_by_anchor);
    }
    for (size_t i = 0; i < r->patterns_by_word.cap; i++)
        if (r->patterns_by_word.slots[i].key) {
            lia_intvec *list = r->patterns_by_word.slots[i].val;
            VEC_FREE(*list);
            free(list);
        }
    lia_map_release(&r->patterns_by_word);
    lia_key_filter_release(&r->pattern_words);
    VEC_FREE(r->unanchored);
    for (size_t i = 0; i < r->classes.n; i++)
        free(r->classes.v[i]);
    VEC_FREE(r->classes);
    lia_map_release(&r->class_by_name);
    lia_tokenizer_free(r->phrase_tokenizer);   /* set only while loading */
    free(r->names.key_bits);        /* the only parts of the tries not in r->tries */
    free(r->lexicon.key_bits);
    lia_arena_free(r->tries);
    lia_map_release(&r->country_by_code);
    lia_map_release(&r->entity_by_key);
    lia_map_release(&r->agency_of_kind);
    lia_map_release(&r->official_by_skeleton);
    lia_spellings_free(r->spellings);
    for (size_t i = 0; i < r->roles_by_body.cap; i++)
        if (r->roles_by_body.slots[i].key) {
            lia_role_refs *list = r->roles_by_body.slots[i].val;
            VEC_FREE(*list);
            free(list);
        }
    lia_map_release(&r->roles_by_body);
    for (size_t i = 0; i < r->owned_refs.n; i++)
        free(r->owned_refs.v[i]);
    VEC_FREE(r->owned_refs);
    free(r);
}
