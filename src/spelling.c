/* spelling.c — Latin spellings of Arabic name words, learned from the
 * officials of the gazetteer (spelling.h). */
#include "spelling.h"

#include <ctype.h>
#include <string.h>

#include <unicode/utf8.h>

#include "normalize.h"
#include "tokenize.h"
#include "util.h"

/* Keys: "CC\x1fWORD" (a country's spellings) or "\x1fWORD" (everyone's). */
#define SEP "\x1f"

typedef struct candidate {
    const char *latin;
    int count;
    struct candidate *next;
} candidate;

/* The spellings one word was seen with, and, once settled, the one kept. */
typedef struct {
    candidate *seen;
    const char *best;   /* one of seen's, or NULL: none seen twice */
} word_spellings;

struct lia_spellings {
    lia_arena *arena;   /* owns the map's slots and keys, and every word_spellings */
    lia_map words;      /* key → word_spellings * */
};

lia_spellings *lia_spellings_new(void)
{
    lia_spellings *s = xcalloc(1, sizeof *s);
    s->arena = lia_arena_new();
    lia_map_init_in(&s->words, s->arena);
    return s;
}

void lia_spellings_free(lia_spellings *s)
{
    if (!s)
        return;
    lia_arena_free(s->arena);
    free(s);
}

/* The words of a name, in a buffer of their own: names are short, and
 * the rules' thousands of names are read at every start. */
enum { NAME_BYTES = 512, NAME_WORDS = 24 };

typedef struct {
    char buf[NAME_BYTES];
    const char *w[NAME_WORDS];
    size_t n;
} word_list;

/* The space-separated words of s; none when s is too long. */
static void split_words(const char *s, word_list *out)
{
    out->n = 0;
    size_t len = strlen(s);
    if (len >= sizeof out->buf)
        return;
    memcpy(out->buf, s, len + 1);
    for (char *sv = NULL, *w = strtok_r(out->buf, " ", &sv); w && out->n < NAME_WORDS; w = strtok_r(NULL, " ", &sv))
        out->w[out->n++] = w;
}

/* "عبد" and the word after it joined as one unit ("عبد الله"), the way
 * Latin often writes them (Abdullah, Abdelkader). */
static void join_abd(const word_list *words, word_list *out)
{
    size_t at = 0;
    out->n = 0;
    for (size_t i = 0; i < words->n; i++) {
        int joined = !strcmp(words->w[i], "عبد") && i + 1 < words->n;
        const char *w = words->w[i], *next = joined ? words->w[++i] : NULL;
        size_t lw = strlen(w), ln = next ? strlen(next) + 1 : 0;
        if (at + lw + ln + 1 > sizeof out->buf)
            break;
        out->w[out->n++] = out->buf + at;
        memcpy(out->buf + at, w, lw);
        if (next) {
            out->buf[at + lw] = ' ';
            memcpy(out->buf + at + lw + 1, next, ln - 1);
        }
        at += lw + ln;
        out->buf[at++] = '\0';
    }
}

/* Writes a SEP b to key (capacity cap); 0 when it does not fit. */
static int make_key(char *key, size_t cap, const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la + 1 + lb + 1 > cap)
        return 0;
    memcpy(key, a, la);
    key[la] = SEP[0];
    memcpy(key + la + 1, b, lb + 1);
    return 1;
}

/* A Latin word worth learning: ASCII (the unknown names' spellings are
 * ASCII, as ICU's Latin-ASCII leaves them) with a letter in it. */
static int plain_latin(const char *w)
{
    int letter = 0;
    for (const unsigned char *p = (const unsigned char *)w; *p; p++) {
        if (*p >= 0x80)
            return 0;
        letter |= isalpha(*p) != 0;
    }
    return letter;
}

/* The Latin letters a word that starts with Arabic letter u may start
 * with (normalized text: أ إ آ are ا, ة is ه, ى is ي), or NULL. */
static const char *latin_initials(unsigned u)
{
    switch (u) {
    case 0x627: case 0x639: case 0x621: return "aeiouy";   /* ا ع ء */
    case 0x628: return "bp";
    case 0x62A: case 0x637: return "t";
    case 0x62B: return "ts";
    case 0x62C: return "jgdzy";
    case 0x62D: case 0x647: return "h";
    case 0x62E: return "kh";
    case 0x62F: return "d";
    case 0x630: return "dzt";
    case 0x631: return "r";
    case 0x632: return "z";
    case 0x633: case 0x634: return "sc";
    case 0x635: return "s";
    case 0x636: case 0x638: return "dz";
    case 0x63A: return "gr";
    case 0x641: return "fpv";
    case 0x642: case 0x643: return "qkgc";
    case 0x644: return "l";
    case 0x645: return "m";
    case 0x646: return "n";
    case 0x648: return "wouv";
    case 0x64A: return "yije";
    default: return NULL;
    }
}

/* The code point that starts s (normalized UTF-8), or a negative value. */
static UChar32 first_letter(const char *s)
{
    UChar32 c;
    int32_t i = 0;
    U8_NEXT((const uint8_t *)s, i, -1, c);
    return c;
}

/* Can latin spell word?  Aligning names word by word pairs the wrong
 * words where a name's parts differ in number ("شمس الدين" / one Latin
 * word): the Latin word must start as the Arabic word may sound, the
 * article aside ("النوري" / "Nouri" or "al-Nouri"). */
static int starts_alike(const char *word, const char *latin)
{
    UChar32 u = first_letter(word);
    const char *initials = u > 0 ? latin_initials((unsigned)u) : NULL;
    return initials && latin[0] && strchr(initials, tolower((unsigned char)latin[0]));
}

static int may_spell(const char *word, const char *latin)
{
    if (starts_alike(word, latin))
        return 1;                   /* Alexander, al-Zoubi, Alzoubi */
    const char *bare = lia_entry_key_in(word), *dash = strrchr(latin, '-');
    return bare != word && starts_alike(bare, dash ? dash + 1 : latin);   /* Nouri, Ibn-Nouri */
}

static void vote(lia_spellings *s, const char *cc, const char *word, const char *latin)
{
    if (!plain_latin(latin) || !may_spell(word, latin))
        return;
    char key[NAME_BYTES + 8];
    for (int mine = 0; mine < 2; mine++) {
        if (!make_key(key, sizeof key, mine ? cc : "", word))
            return;
        word_spellings *w = lia_map_get(&s->words, key);
        if (!w) {
            w = lia_arena_calloc(s->arena, sizeof *w);
            lia_map_put(&s->words, key, w);
        }
        candidate *c = w->seen;
        while (c && strcmp(c->latin, latin) != 0)
            c = c->next;
        if (!c) {
            c = lia_arena_calloc(s->arena, sizeof *c);
            c->latin = lia_arena_strdup(s->arena, latin);
            c->next = w->seen;
            w->seen = c;
        }
        c->count++;
        if (!cc[0])
            break;
    }
}

static void vote_aligned(lia_spellings *s, const char *cc, const word_list *arabic, const word_list *latin)
{
    for (size_t i = 0; i < arabic->n; i++)
        vote(s, cc, arabic->w[i], latin->w[i]);
}

void lia_spellings_learn(lia_spellings *s, const char *norm_name, const char *latin, const char *cc)
{
    word_list words, units, latins;
    if (!cc)
        cc = "";
    split_words(norm_name, &words);
    split_words(latin, &latins);
    if (words.n == latins.n) {
        vote_aligned(s, cc, &words, &latins);
        return;
    }
    join_abd(&words, &units);
    if (units.n == latins.n)
        vote_aligned(s, cc, &units, &latins);
}

void lia_spellings_settle(lia_spellings *s)
{
    for (size_t i = 0; i < s->words.cap; i++) {
        word_spellings *w = s->words.slots[i].val;
        if (!s->words.slots[i].key)
            continue;
        const candidate *best = NULL;
        for (const candidate *c = w->seen; c; c = c->next)
            if (!best || c->count > best->count || (c->count == best->count && strcmp(c->latin, best->latin) < 0))
                best = c;
        w->best = best && best->count >= 2 ? best->latin : NULL;
    }
}

/* The learned spelling of one word or unit, the country's first. */
static const char *learned(const lia_spellings *s, const char *word, const char *cc)
{
    const word_spellings *w = NULL;
    char key[NAME_BYTES + 8];
    if (cc[0] && make_key(key, sizeof key, cc, word))
        w = lia_map_get(&s->words, key);
    if ((!w || !w->best) && make_key(key, sizeof key, "", word))
        w = lia_map_get(&s->words, key);
    return w ? w->best : NULL;
}

/* Appends word's spelling to out, after a space unless out is empty. */
static void spell_word(const lia_spellings *s, const char *word, const char *cc, strbuf *out)
{
    const char *latin = learned(s, word, cc), *prefix = "", *bare;
    /* "النوري": the article, then the word ("al-Nouri"; ICU alone writes
     * "Alnwry").  Not a name's first word, whose ال is rather a foreign
     * name's (ألكسندر، ألون). */
    if (!latin && out->len && (bare = lia_entry_key_in(word)) != word) {
        prefix = "al-";
        word = bare;
        latin = learned(s, word, cc);
    }
    char *icu = latin ? NULL : lia_transliterate(word);
    if (icu && icu[0])
        icu[0] = (char)toupper((unsigned char)icu[0]);
    const char *spelled = latin ? latin : icu;
    if (spelled[0]) {
        if (out->len)
            sb_addc(out, ' ');
        sb_adds(out, prefix);
        sb_adds(out, spelled);
    }
    free(icu);
}

char *lia_spellings_spell(const lia_spellings *s, const char *norm_name, const char *cc)
{
    word_list words, units;
    if (!cc)
        cc = "";
    split_words(norm_name, &words);
    join_abd(&words, &units);
    strbuf out;
    sb_init(&out);
    sb_add(&out, "", 0);
    for (size_t i = 0; i < units.n; i++) {
        const char *unit = units.w[i];
        const char *space = strchr(unit, ' ');
        if (space && !learned(s, unit, cc)) {
            /* A unit is "عبد" and its word: "عبد الرازق" as "Abdel Razq",
             * the article being in "Abdel". */
            spell_word(s, "عبد", cc, &out);
            spell_word(s, lia_entry_key_in(space + 1), cc, &out);
        } else {
            spell_word(s, unit, cc, &out);
        }
    }
    return sb_detach(&out);
}
