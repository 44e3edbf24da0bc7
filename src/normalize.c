/* normalize.c — the one normalizer for article text and rule entries: ICU
 * NFKC plus Arabic orthographic folding, with an exact byte map back to the
 * original text.  Also the Latin transliteration and ASCII slugs for keys. */
#include "normalize.h"

#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
/* plain16 below writes offsets (size_t) as 64-bit lanes. */
#if defined(__SSE2__) && SIZE_MAX == UINT64_MAX
#define PLAIN16 1
#include <emmintrin.h>
#endif

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>
#include <unicode/utrans.h>

#include "util.h"

/* Characters removed outright: tashkeel, superscript alef, Quranic marks,
 * tatweel, bidi controls, zero-width characters, the BOM, soft hyphen. */
static int is_dropped(UChar32 c)
{
    if (c < 0x00AD)
        return 0;
    return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x0610 && c <= 0x061A) ||
           (c >= 0x06D6 && c <= 0x06ED) || c == 0x0640 || c == 0x061C || c == 0x00AD ||
           (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069) || c == 0x2060 || c == 0xFEFF;
}

/* The folding applied before NFKC (characters NFKC would otherwise expand
 * or leave alone).  Returns the replacement, or -1 when there is none. */
static UChar32 fold_before(UChar32 c)
{
    switch (c) {
    case 0x060C: return ',';                    /* ، */
    case 0x061B: return ';';                    /* ؛ */
    case 0x061F: return '?';                    /* ؟ */
    case 0x066A: return '%';                    /* ٪ */
    case 0x066B: return '.';                    /* ٫ decimal separator */
    case 0x066C: return ',';                    /* ٬ thousands separator */
    case 0x06D4: return '.';                    /* ۔ */
    case 0x201C: case 0x201D: case 0x201E: case 0x201F:
    case 0x00AB: case 0x00BB: case 0x2033: case 0x2036:
        return '"';
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
        return '\'';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
    case 0x2015: case 0x2212:
        return '-';
    case 0x2028: case 0x2029: case 0x0085:
        return '\n';
    default:
        break;
    }
    if (c >= 0x0660 && c <= 0x0669)
        return '0' + (c - 0x0660);
    if (c >= 0x06F0 && c <= 0x06F9)
        return '0' + (c - 0x06F0);
    return -1;
}

/* The folding applied to every code point NFKC produced. */
static UChar32 fold_after(UChar32 c)
{
    if (c < 0x80)
        return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    switch (c) {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671:   /* آ أ إ ٱ */
    case 0x0672: case 0x0673: case 0x0675:
        return 0x0627;
    case 0x0649: case 0x0626: case 0x06CC: case 0x06D0:   /* ى ئ ی ې */
        return 0x064A;
    case 0x0629: case 0x06C0: case 0x06C3: case 0x06D5:   /* ة ۀ ۃ ە */
        return 0x0647;
    case 0x0624:                                          /* ؤ */
        return 0x0648;
    case 0x06A9:                                          /* ک */
        return 0x0643;
    default:
        break;
    }
    UChar32 pre = fold_before(c);
    if (pre >= 0)
        return pre;
    if (c >= 0x0600 && c <= 0x06FF)     /* Arabic: no case, no spaces */
        return c;
    if (u_isUWhiteSpace(c))
        return ' ';
    return u_tolower(c);
}

static const UNormalizer2 *nfkc_inst;
static pthread_once_t nfkc_once = PTHREAD_ONCE_INIT;

static void nfkc_init(void)
{
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *n = unorm2_getNFKCInstance(&err);
    nfkc_inst = U_SUCCESS(err) ? n : NULL;
}

/* ICU's NFKC singleton (owned by ICU), or NULL when ICU has no data. */
static const UNormalizer2 *nfkc(void)
{
    pthread_once(&nfkc_once, nfkc_init);
    return nfkc_inst;
}

typedef VEC(size_t) offset_vec;

/* Appends code point c (already folded) with its source offset.  Leaves
 * room for the final NUL, which lia_normalize writes once at the end.
 * Always inlined: it runs once per character of every document. */
static inline __attribute__((always_inline)) void emit(strbuf *b, offset_vec *orig, UChar32 c,
                                                      size_t src_off)
{
    if (b->len + 5 > b->cap) {
        b->cap = 2 * b->cap + 8;
        b->s = xrealloc(b->s, b->cap);
    }
    if (orig->n + 4 > orig->cap) {
        orig->cap = 2 * orig->cap + 8;
        orig->v = xrealloc(orig->v, orig->cap * sizeof *orig->v);
    }
    uint8_t *p = (uint8_t *)b->s + b->len;
    int32_t n = 0;
    if (c < 0x80) {                     /* most of the text: spare U8_APPEND */
        p[n++] = (uint8_t)c;
    } else if (c < 0x800) {
        p[n++] = (uint8_t)(0xC0 | (c >> 6));
        p[n++] = (uint8_t)(0x80 | (c & 0x3F));
    } else {
        UBool err = 0;
        U8_APPEND(p, n, 4, c, err);
        if (err)
            return;
    }
    b->len += (size_t)n;
    for (int32_t i = 0; i < n; i++)
        orig->v[orig->n++] = src_off;
}

/* Room for n more bytes, their offsets and the final NUL, for the fast
 * paths that write bytes themselves.  (Every byte of b has its offset:
 * b->len == orig->n until the final offset is pushed.) */
static inline __attribute__((always_inline)) void reserve(strbuf *b, offset_vec *orig, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = 2 * b->cap + n + 8;
        b->s = xrealloc(b->s, b->cap);
    }
    if (orig->n + n > orig->cap) {
        orig->cap = 2 * orig->cap + n + 8;
        orig->v = xrealloc(orig->v, orig->cap * sizeof *orig->v);
    }
}

/* Normalizes one source code point c found at src_off and emits the result. */
static void norm_char(const UNormalizer2 *n2, strbuf *b, offset_vec *orig, UChar32 c,
                      size_t src_off)
{
    if (is_dropped(c))
        return;
    UChar32 pre = fold_before(c);
    if (pre >= 0) {
        emit(b, orig, pre, src_off);
        return;
    }
    /* Arabic letters: NFKC leaves each one as it is (the hamza letters
     * recompose to themselves), so skip the ICU call. */
    if (c < 0x80 || !n2 || (c >= 0x0621 && c <= 0x064A)) {
        emit(b, orig, fold_after(c), src_off);
        return;
    }
    UChar dec[32];
    UErrorCode err = U_ZERO_ERROR;
    if (unorm2_getDecomposition(n2, c, dec, 32, &err) < 0 || U_FAILURE(err)) {
        emit(b, orig, fold_after(c), src_off);      /* no mapping: NFKC(c) == c */
        return;
    }
    UChar in[2], out[64];
    int32_t nin = 0;
    U16_APPEND_UNSAFE(in, nin, c);
    err = U_ZERO_ERROR;
    int32_t nout = unorm2_normalize(n2, in, nin, out, 64, &err);
    if (U_FAILURE(err)) {
        emit(b, orig, fold_after(c), src_off);
        return;
    }
    for (int32_t i = 0; i < nout;) {
        UChar32 p;
        U16_NEXT(out, i, nout, p);
        if (is_dropped(p))
            continue;
        emit(b, orig, fold_after(p), src_off);
    }
}

/* What norm_char does to each code point of the Arabic block U+0600 to
 * U+06FF that needs no ICU call (most of an Arabic text), worked out once
 * by the same functions: the code point to emit, ARABIC_DROP, or
 * ARABIC_NFKC for the few that go through norm_char. */
enum { ARABIC_DROP = -1, ARABIC_NFKC = -2 };
static int32_t arabic_fold[0x100];
/* The same for the letters (arabic_fold >= 0x80): the two UTF-8 bytes to
 * write, or {0, 0}. */
static uint8_t arabic_letter[0x100][2];
static pthread_once_t arabic_fold_once = PTHREAD_ONCE_INIT;

static void arabic_fold_init(void)
{
    for (UChar32 c = 0x0600; c < 0x0700; c++) {
        UChar32 pre = fold_before(c);
        if (is_dropped(c))
            arabic_fold[c - 0x0600] = ARABIC_DROP;
        else if (pre >= 0)
            arabic_fold[c - 0x0600] = pre;
        else if (c >= 0x0621 && c <= 0x064A)
            arabic_fold[c - 0x0600] = fold_after(c);
        else
            arabic_fold[c - 0x0600] = ARABIC_NFKC;
        int32_t f = arabic_fold[c - 0x0600];
        if (f >= 0x80) {
            arabic_letter[c - 0x0600][0] = (uint8_t)(0xC0 | (f >> 6));
            arabic_letter[c - 0x0600][1] = (uint8_t)(0x80 | (f & 0x3F));
        }
    }
}

#ifdef PLAIN16
/* plain_run's loop over the sixteen bytes at s (source offset at), with
 * SSE2 (every x86-64 has it): for the longest prefix of them made of ASCII
 * and Arabic letters (D8 A1-BF, D9 81-8A: arabic_letter's), writes what
 * the loop would to out and offsets (sixteen of each are written; those
 * past the prefix are scratch) and returns its length, 0 to 16.
 * The folds are arabic_fold's for those letters: آ أ إ → ا, ؤ → و,
 * ئ ى → ي, ة → ه; ASCII capitals are lower-cased.  (Checked against the
 * loop on random text.) */
static size_t plain16(const uint8_t *s, char *out, size_t *offsets, size_t at)
{
    const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
    const __m128i prev = _mm_slli_si128(v, 1);          /* byte k: s[k - 1] (0 for k = 0) */
    const __m128i d8 = _mm_set1_epi8((char)0xD8), d9 = _mm_set1_epi8((char)0xD9);
    const __m128i after_d8 = _mm_cmpeq_epi8(prev, d8), after_d9 = _mm_cmpeq_epi8(prev, d9);
    /* As signed bytes: A1-BF are -95..-65, 81-8A are -127..-118. */
    const __m128i in_d8 = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(-96)),
                                        _mm_cmplt_epi8(v, _mm_set1_epi8(-64)));
    const __m128i in_d9 = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(-128)),
                                        _mm_cmplt_epi8(v, _mm_set1_epi8(-117)));
    const __m128i second = _mm_or_si128(_mm_and_si128(after_d8, in_d8), _mm_and_si128(after_d9, in_d9));
    const unsigned ascii = ~(unsigned)_mm_movemask_epi8(v) & 0xFFFFu;
    const unsigned lead = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, d8),
                                                                   _mm_cmpeq_epi8(v, d9)));
    const unsigned cont = (unsigned)_mm_movemask_epi8(second);
    /* The plain prefix ends at the first byte that is none of these, or at
     * a lead byte without its second byte (the last byte's is not read):
     * a character boundary, as a second byte follows its lead. */
    const unsigned stop = (~(ascii | lead | cont) & 0xFFFFu) | (lead & ~(cont >> 1)) | 0x10000u;
    const unsigned n = (unsigned)__builtin_ctz(stop);
    if (!n)
        return 0;
    /* The folds, each a second byte after D8 or D9 (and the lead D8 → D9
     * for the three that move to the D9 row). */
#define EQ(x) _mm_cmpeq_epi8(v, _mm_set1_epi8((char)(x)))
#define PUT(m, x, into) _mm_or_si128(_mm_andnot_si128((m), (into)), _mm_and_si128((m), _mm_set1_epi8((char)(x))))
    const __m128i to_alef = _mm_and_si128(after_d8, _mm_or_si128(_mm_or_si128(EQ(0xA2), EQ(0xA3)), EQ(0xA5)));
    const __m128i to_waw = _mm_and_si128(after_d8, EQ(0xA4));
    const __m128i to_ya = _mm_or_si128(_mm_and_si128(after_d8, EQ(0xA6)), _mm_and_si128(after_d9, EQ(0x89)));
    const __m128i to_ha = _mm_and_si128(after_d8, EQ(0xA9));
    const __m128i to_d9_row = _mm_srli_si128(_mm_or_si128(_mm_or_si128(to_waw, to_ha),
                                                          _mm_and_si128(after_d8, EQ(0xA6))), 1);
    const __m128i capital = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('A' - 1)),
                                          _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1)));
    __m128i w = _mm_add_epi8(v, _mm_and_si128(capital, _mm_set1_epi8(32)));
    w = PUT(to_alef, 0xA7, w);
    w = PUT(to_waw, 0x88, w);
    w = PUT(to_ya, 0x8A, w);
    w = PUT(to_ha, 0x87, w);
    w = PUT(to_d9_row, 0xD9, w);
#undef EQ
#undef PUT
    _mm_storeu_si128((__m128i *)(void *)out, w);
    /* Each byte's offset is its own, a letter's second byte its lead's:
     * two at a time, at + k and at + k + 1 less the two bits of cont. */
    static const uint64_t lows[4][2] = { { 0, 0 }, { 1, 0 }, { 0, 1 }, { 1, 1 } };
    __m128i pair = _mm_set_epi64x((long long)at + 1, (long long)at);
    const __m128i two = _mm_set1_epi64x(2);
    /* (Unrolled: the loop's own counting was a third of its cost.) */
#pragma GCC unroll 8
    for (unsigned k = 0; k < 16; k += 2) {
        const __m128i low = _mm_loadu_si128((const __m128i *)(const void *)lows[(cont >> k) & 3u]);
        _mm_storeu_si128((__m128i *)(void *)(offsets + k), _mm_sub_epi64(pair, low));
        pair = _mm_add_epi64(pair, two);
    }
    return n;
}
#endif

/* Writes the run of plain characters that starts at s[i] (ASCII, and
 * Arabic letters: two bytes each, folded to two bytes) as the fast paths
 * below would one by one, and returns its length in bytes; 0 when b lacks
 * room for the rest of the input (the caller then goes character by
 * character, growing b).  Room for all of s[i..len) is enough: a plain
 * character never writes more bytes than it reads. */
static size_t plain_run(const uint8_t *s, size_t i, size_t len, strbuf *b, offset_vec *orig)
{
    if (b->len + (len - i) + 1 > b->cap || orig->n + (len - i) > orig->cap)
        return 0;
    char *p = b->s + b->len;
    size_t *o = orig->v + orig->n;
    size_t j = i;
    while (j < len) {
#ifdef PLAIN16
        if (len - j >= 16) {
            size_t k = plain16(s + j, p, o, j);
            if (!k)
                break;          /* s[j] is no plain character */
            p += k;
            o += k;
            j += k;
            continue;
        }
#endif
        unsigned lead = s[j];
        if (lead < 0x80) {
            *p++ = (char)(lead >= 'A' && lead <= 'Z' ? lead + 32 : lead);   /* fold_after */
            *o++ = j++;
            continue;
        }
        if (j + 1 >= len || lead - 0xD8 > 3 || (s[j + 1] & 0xC0) != 0x80)
            break;
        const uint8_t *out = arabic_letter[((lead & 0x03) << 6) | (s[j + 1] & 0x3F)];
        if (!out[0])
            break;              /* not a letter: dropped, folded or NFKC'd */
        p[0] = (char)out[0];
        p[1] = (char)out[1];
        o[0] = o[1] = j;
        p += 2;
        o += 2;
        j += 2;
    }
    b->len += j - i;
    orig->n += j - i;
    return j - i;
}

/* Normalizes src[0..len) into b and orig, emptied first: their memory is
 * kept, and made room for the plain case (one byte for one) at once. */
static void normalize_into(const char *src, size_t len, strbuf *b_io, offset_vec *orig_io)
{
    const UNormalizer2 *n2 = nfkc();
    pthread_once(&arabic_fold_once, arabic_fold_init);
    strbuf b = *b_io;
    offset_vec orig = *orig_io;
    b.len = orig.n = 0;
    if (b.cap < len + 16) {
        free(b.s);
        b.s = xmalloc(len + 16);
        b.cap = len + 16;
    }
    b.s[0] = '\0';
    if (orig.cap < len + 16) {
        free(orig.v);
        orig.v = xmalloc((len + 16) * sizeof *orig.v);
        orig.cap = len + 16;
    }

    const uint8_t *s = (const uint8_t *)src;
    size_t i = 0;
    while (i < len) {
        size_t run = plain_run(s, i, len, &b, &orig);
        if (run) {
            i += run;
            continue;
        }
        size_t at = i;
        /* The fast paths write what emit would, without its general case. */
        if (s[i] < 0x80) {                  /* fast path: ASCII, one byte for one */
            reserve(&b, &orig, 1);
            size_t n = b.len;           /* locals: stores through char * may alias b */
            b.s[n] = (char)fold_after(s[i]);
            orig.v[n] = at;
            b.len = orig.n = n + 1;
            i++;
            continue;
        }
        /* fast path: the Arabic block, two bytes 0xD8-0xDB + continuation */
        if (s[i] >= 0xD8 && s[i] <= 0xDB && i + 1 < len && (s[i + 1] & 0xC0) == 0x80) {
            int32_t f = arabic_fold[((s[i] & 0x03) << 6) | (s[i + 1] & 0x3F)];
            if (f >= 0x80) {                /* an Arabic letter (< U+0800): two bytes */
                reserve(&b, &orig, 2);
                size_t n = b.len;
                char *p = b.s + n;
                size_t *o = orig.v + n;
                p[0] = (char)(0xC0 | (f >> 6));
                p[1] = (char)(0x80 | (f & 0x3F));
                o[0] = o[1] = at;
                b.len = orig.n = n + 2;
                i += 2;
                continue;
            }
            if (f != ARABIC_NFKC) {
                if (f != ARABIC_DROP)
                    emit(&b, &orig, f, at);
                i += 2;
                continue;
            }
        }
        UChar32 c;
        /* U8_NEXT takes an int32_t length: walk in windows for huge inputs. */
        size_t win = len - i < 0x7fffffff ? len - i : 0x7fffffff;
        int32_t k = 0;
        U8_NEXT(s + i, k, (int32_t)win, c);
        i += (size_t)k;
        if (c < 0)
            c = 0xFFFD;
        norm_char(n2, &b, &orig, c, at);
    }
    VEC_PUSH(orig, len);
    b.s[b.len] = '\0';
    *b_io = b;
    *orig_io = orig;
}

lia_status lia_normalize(const char *src, size_t len, lia_normtext *out, lia_diag *d)
{
    (void)d;
    strbuf b;
    offset_vec orig = { 0 };
    sb_init(&b);
    normalize_into(src, len, &b, &orig);
    out->len = b.len;
    out->text = sb_detach(&b);
    out->orig = orig.v;
    return LIA_OK;
}

struct lia_normalizer {
    strbuf text;
    offset_vec orig;
    lia_normtext out;        /* the last run's: points into text and orig */
};

lia_normalizer *lia_normalizer_new(void)
{
    lia_normalizer *nz = xcalloc(1, sizeof *nz);
    sb_init(&nz->text);
    return nz;
}

const lia_normtext *lia_normalizer_run(lia_normalizer *nz, const char *src, size_t len)
{
    normalize_into(src, len, &nz->text, &nz->orig);
    nz->out.text = nz->text.s;
    nz->out.len = nz->text.len;
    nz->out.orig = nz->orig.v;
    return &nz->out;
}

void lia_normalizer_free(lia_normalizer *nz)
{
    if (!nz)
        return;
    sb_release(&nz->text);
    VEC_FREE(nz->orig);
    free(nz);
}

void lia_normtext_release(lia_normtext *t)
{
    if (!t)
        return;
    free(t->text);
    free(t->orig);
    t->text = NULL;
    t->orig = NULL;
    t->len = 0;
}

static int is_space_byte(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

int lia_normalize_plain(const char *src, size_t len, char *out)
{
    pthread_once(&arabic_fold_once, arabic_fold_init);
    const uint8_t *s = (const uint8_t *)src;
    size_t i = 0;
    while (i < len) {
        if (s[i] == ' ') {
            out[i++] = ' ';
            continue;
        }
        /* arabic_letter has bytes exactly for the letters U+0621..U+064A
         * but tatweel (dropped): what lia_normalize's plain_run writes. */
        if ((s[i] != 0xD8 && s[i] != 0xD9) || i + 1 >= len || (s[i + 1] & 0xC0) != 0x80)
            return 0;
        const uint8_t *f = arabic_letter[((s[i] & 0x03) << 6) | (s[i + 1] & 0x3F)];
        if (!f[0])
            return 0;
        out[i] = (char)f[0];
        out[i + 1] = (char)f[1];
        i += 2;
    }
    return 1;
}

/* Makes runs of white space in text[0..len) one space, none at either end,
 * in place (the result is never longer), and terminates it. */
static void collapse_spaces(char *text, size_t len)
{
    size_t w = 0;
    int pending_space = 0;
    for (size_t i = 0; i < len; i++) {
        if (is_space_byte(text[i])) {
            pending_space = w > 0;
            continue;
        }
        if (pending_space)
            text[w++] = ' ';
        pending_space = 0;
        text[w++] = text[i];
    }
    text[w] = '\0';
}

char *lia_normalize_str(const char *s)
{
    if (!s)
        s = "";
    /* Most rule entries and names are plain Arabic words: folded without
     * the offset map lia_normalize builds. */
    size_t len = strlen(s);
    char *plain = xmalloc(len + 1);
    if (lia_normalize_plain(s, len, plain)) {
        collapse_spaces(plain, len);
        return plain;
    }
    free(plain);
    lia_normtext t;
    lia_normalize(s, len, &t, NULL);
    collapse_spaces(t.text, t.len);
    free(t.orig);
    return t.text;
}

/* The transliterators (0: Arabic-Latin, 1: Latin-ASCII).  utrans objects
 * are not thread-safe, and one shared under a lock made extraction threads
 * wait on each other: each thread uses its own clone of a prototype that
 * is opened once (opening builds ICU's registry, the costly part). */
static pthread_mutex_t translit_lock = PTHREAD_MUTEX_INITIALIZER;
static UTransliterator *translit_proto[2];
static int translit_failed[2];

/* Each thread also keeps the transliterations it made, by input: the
 * same few names are transliterated again and again (a run over the 10 MB
 * bench corpus asks 745 times for 19 distinct strings), at tens of
 * thousands of instructions each through the transliterators, and the
 * result depends on nothing but the input. */
enum { TRANSLIT_CACHE_MAX = 4096 };

typedef struct {
    UTransliterator *tr[2];
    lia_map done;            /* input → its transliteration (both in arena) */
    lia_arena *arena;        /* NULL until the first transliteration is kept */
} thread_translit;

static pthread_key_t translit_key;
static pthread_once_t translit_key_once = PTHREAD_ONCE_INIT;

static void thread_translit_free(void *arg)
{
    thread_translit *t = arg;
    for (int i = 0; t && i < 2; i++)
        if (t->tr[i])
            utrans_close(t->tr[i]);
    if (t)
        lia_arena_free(t->arena);    /* the map's slots and keys are in it */
    free(t);
}

static void translit_key_init(void)
{
    pthread_key_create(&translit_key, thread_translit_free);
}

/* This thread's transliterators and cache, made on first use. */
static thread_translit *this_thread_translit(void)
{
    pthread_once(&translit_key_once, translit_key_init);
    thread_translit *t = pthread_getspecific(translit_key);
    if (!t) {
        t = xcalloc(1, sizeof *t);
        pthread_setspecific(translit_key, t);
    }
    return t;
}

/* Opens prototype `which` unless it is open or failed; translit_lock held. */
static void open_prototype(int which)
{
    static const char *const ids[2] = {"Arabic-Latin", "Latin-ASCII"};
    if (translit_proto[which] || translit_failed[which])
        return;
    UChar uid[32];
    u_charsToUChars(ids[which], uid, (int32_t)strlen(ids[which]) + 1);
    UErrorCode err = U_ZERO_ERROR;
    translit_proto[which] = utrans_openU(uid, -1, UTRANS_FORWARD, NULL, 0, NULL, &err);
    if (U_FAILURE(err)) {
        translit_proto[which] = NULL;
        translit_failed[which] = 1;
    }
}

void lia_transliterate_prepare(void)
{
    pthread_mutex_lock(&translit_lock);
    for (int which = 0; which < 2; which++)
        open_prototype(which);
    pthread_mutex_unlock(&translit_lock);
}

static void *prepare_main(void *arg)
{
    (void)arg;
    lia_transliterate_prepare();
    return NULL;
}

static void start_preparing(void)
{
    pthread_attr_t attr;
    pthread_t tid;
    if (pthread_attr_init(&attr) != 0)
        return;
    /* Detached, and killed by the exit if still opening: ICU registers no
     * exit-time destructors for its transliterators (its cleanup is
     * u_cleanup, called by no one here).  Without the thread, the first
     * transliteration opens them. */
    if (pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED) == 0)
        pthread_create(&tid, &attr, prepare_main, NULL);
    pthread_attr_destroy(&attr);
}

void lia_transliterate_prepare_in_background(void)
{
    static pthread_once_t started = PTHREAD_ONCE_INIT;
    pthread_once(&started, start_preparing);
}

/* This thread's transliterator `which`, or NULL when ICU cannot open it. */
static UTransliterator *thread_transliterator(int which)
{
    thread_translit *t = this_thread_translit();
    if (t->tr[which])
        return t->tr[which];
    pthread_mutex_lock(&translit_lock);
    open_prototype(which);
    if (translit_proto[which]) {
        UErrorCode err = U_ZERO_ERROR;
        t->tr[which] = utrans_clone(translit_proto[which], &err);
        if (U_FAILURE(err))
            t->tr[which] = NULL;
    }
    pthread_mutex_unlock(&translit_lock);
    return t->tr[which];
}

/* Runs transliterator `which` over the UTF-16 text *buf (capacity *cap,
 * length *n), growing the buffer as needed.  Returns 0 when the
 * transliterator is unavailable (the text is then left as it was). */
static int run_translit(int which, UChar **buf, int32_t *n, int32_t *cap)
{
    UTransliterator *tr = thread_transliterator(which);
    while (tr) {
        int32_t len = *n, limit = *n;
        UErrorCode err = U_ZERO_ERROR;
        utrans_transUChars(tr, *buf, &len, *cap, 0, &limit, &err);
        if (err == U_BUFFER_OVERFLOW_ERROR) {
            *cap = len + 64;
            *buf = xrealloc(*buf, (size_t)*cap * sizeof **buf);
            continue;
        }
        if (U_SUCCESS(err)) {
            *n = len;
            return 1;
        }
        break;
    }
    return 0;
}

void lia_normalize_cleanup(void)
{
    /* The calling thread's clones (other threads' go when they exit). */
    pthread_once(&translit_key_once, translit_key_init);
    thread_translit_free(pthread_getspecific(translit_key));
    pthread_setspecific(translit_key, NULL);
    pthread_mutex_lock(&translit_lock);
    for (int i = 0; i < 2; i++) {
        if (translit_proto[i])
            utrans_close(translit_proto[i]);
        translit_proto[i] = NULL;
        translit_failed[i] = 0;
    }
    pthread_mutex_unlock(&translit_lock);
}

/* ICU writes ayn as U+02BF and hamza as U+02BE: a word-initial ayn reads
 * as "a" (عبد → abd), elsewhere both are dropped.  Edits buf in place. */
static void drop_ayn_hamza(UChar *buf, int32_t *n)
{
    int32_t w = 0;
    for (int32_t r = 0; r < *n; r++) {
        UChar c = buf[r];
        if (c == 0x02BF || c == 0x02BE) {
            int initial = r == 0 || buf[r - 1] == ' ' || buf[r - 1] == '-';
            if (c == 0x02BF && initial)
                buf[w++] = 'a';
            continue;
        }
        buf[w++] = c;
    }
    *n = w;
}

static char *transliterate_anew(const char *utf8);

char *lia_transliterate(const char *utf8)
{
    if (!utf8)
        utf8 = "";
    thread_translit *t = this_thread_translit();
    const char *known = t->arena ? lia_map_get(&t->done, utf8) : NULL;
    if (known)
        return xstrdup(known);
    char *latin = transliterate_anew(utf8);
    if (!t->arena || t->done.n >= TRANSLIT_CACHE_MAX) {
        lia_arena_free(t->arena);    /* full: start again (its map goes with it) */
        t->arena = lia_arena_new();
        lia_map_init_in(&t->done, t->arena);
    }
    lia_map_put(&t->done, utf8, lia_arena_strdup(t->arena, latin));
    return latin;
}

/* lia_transliterate without the cache. */
static char *transliterate_anew(const char *utf8)
{
    char *norm = lia_normalize_str(utf8);
    int32_t n = 0;
    UErrorCode err = U_ZERO_ERROR;
    u_strFromUTF8(NULL, 0, &n, norm, -1, &err);
    int32_t cap = 2 * n + 64;
    UChar *buf = xmalloc((size_t)cap * sizeof *buf);
    err = U_ZERO_ERROR;
    u_strFromUTF8(buf, cap, &n, norm, -1, &err);
    free(norm);
    if (U_FAILURE(err))
        n = 0;
    run_translit(0, &buf, &n, &cap);
    drop_ayn_hamza(buf, &n);
    run_translit(1, &buf, &n, &cap);

    /* Keep ASCII letters, digits and separators; drop marks such as the
     * apostrophes ICU uses for ayn and hamza. */
    strbuf b;
    sb_init(&b);
    sb_add(&b, "", 0);
    int pending_space = 0;
    for (int32_t i = 0; i < n;) {
        UChar32 c;
        U16_NEXT(buf, i, n, c);
        if (c < 0x80 && isalnum(c)) {
            if (pending_space && b.len)
                sb_addc(&b, ' ');
            pending_space = 0;
            sb_addc(&b, (char)tolower(c));
        } else if (c == ' ' || c == '-' || c == '\t' || c == '\n' || c == ',' || c == '.' ||
                   c == '/' || c == '(' || c == ')' || c == '"' || c == ';' || c == ':') {
            pending_space = 1;
        }
    }
    free(buf);
    return sb_detach(&b);
}

char *lia_slug(const char *utf8)
{
    if (!utf8)
        utf8 = "";
    int ascii = 1;
    for (const unsigned char *p = (const unsigned char *)utf8; *p; p++)
        if (*p >= 0x80)
            ascii = 0;
    char *src = ascii ? xstrdup(utf8) : lia_transliterate(utf8);
    strbuf b;
    sb_init(&b);
    sb_add(&b, "", 0);
    int pending_dash = 0;
    for (const char *p = src; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (isalnum(c)) {
            if (pending_dash && b.len)
                sb_addc(&b, '-');
            pending_dash = 0;
            sb_addc(&b, (char)tolower(c));
        } else if (c != '\'') {
            pending_dash = 1;
        }
    }
    free(src);
    return sb_detach(&b);
}
