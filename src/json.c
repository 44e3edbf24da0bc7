/* json.c — the JSON lexer shared by the document and fact readers, and
 * JSON string escaping.  See json.h. */
#include "json.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Strings are read and written in runs of plain bytes, found eight bytes
 * at a time: documents are long and nearly all plain.  A byte is special
 * when below 0x20, '"' or '\\', and for the writer 0x7f too. */
static int special_byte(unsigned char c, int del)
{
    return c < 0x20 || c == '"' || c == '\\' || (del && c == 0x7f);
}

#define EACH_BYTE(x) (UINT64_C(0x0101010101010101) * (x))

/* 0x80 in each byte of w below n (n <= 0x80): the classic test, exact
 * about whether there is any (borrows only mark bytes after a true one). */
static uint64_t bytes_below(uint64_t w, unsigned n)
{
    return (w - EACH_BYTE(n)) & ~w & EACH_BYTE(0x80);
}

static int any_special_byte(uint64_t w, int del)
{
    return (bytes_below(w, 0x20) | bytes_below(w ^ EACH_BYTE('"'), 1)
            | bytes_below(w ^ EACH_BYTE('\\'), 1) | (del ? bytes_below(w ^ EACH_BYTE(0x7f), 1) : 0)) != 0;
}

#ifdef __SSE2__
/* The first special byte of [p, end) looked for sixteen bytes at a time,
 * or the start of the last piece shorter than sixteen (every x86-64 has
 * SSE2). */
static const char *plain_run_end16(const char *p, const char *end, int del)
{
    const __m128i below = _mm_set1_epi8(0x1f), quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\'), delete = _mm_set1_epi8(del ? 0x7f : '"');
    while (end - p >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
        __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(v, below), v);      /* v <= 0x1f */
        __m128i special = _mm_or_si128(_mm_or_si128(control, _mm_cmpeq_epi8(v, quote)),
                                       _mm_or_si128(_mm_cmpeq_epi8(v, backslash),
                                                    _mm_cmpeq_epi8(v, delete)));
        int mask = _mm_movemask_epi8(special);
        if (mask)
            return p + __builtin_ctz((unsigned)mask);
        p += 16;
    }
    return p;
}
#endif

/* Has any of the n (4 to 8) bytes at p a special byte?  Two reads that
 * may overlap cover them without a byte loop. */
static int any_special_in(const char *p, size_t n, int del)
{
    uint64_t w;
    if (n >= 8) {
        uint64_t v;
        memcpy(&w, p, sizeof w);
        memcpy(&v, p + n - 8, sizeof v);
        return any_special_byte(w, del) || any_special_byte(v, del);
    }
    uint32_t lo, hi;
    memcpy(&lo, p, sizeof lo);
    memcpy(&hi, p + n - 4, sizeof hi);
    w = (uint64_t)lo << 32 | hi;
    return any_special_byte(w, del);
}

/* The first special byte of [p, end), or end. */
static const char *plain_run_end(const char *p, const char *end, int del)
{
#ifdef __SSE2__
    p = plain_run_end16(p, end, del);   /* the loops below stop at once on a special byte */
#endif
    while (end - p >= 8) {
        uint64_t w;
        memcpy(&w, p, sizeof w);
        if (any_special_byte(w, del))
            break;              /* the byte loop finds it in these eight */
        p += 8;
    }
    /* The last few bytes, most often plain: seen in one test rather than
     * one by one (the byte loop then finds a special one). */
    if (end - p >= 4 && !any_special_in(p, (size_t)(end - p), del))
        return end;
    while (p < end && !special_byte((unsigned char)*p, del))
        p++;
    return p;
}

void lia_json_ws(lia_json *j)
{
    while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\r' || *j->p == '\n'))
        j->p++;
}

/* Writes code point cp as UTF-8 to out (room for 4); returns its length. */
static size_t put_utf8(char *out, unsigned long cp)
{
    if (cp < 0x80) { out[0] = (char)cp; return 1; }
    if (cp < 0x800) { out[0] = (char)(0xC0 | (cp >> 6)); out[1] = (char)(0x80 | (cp & 0x3F)); return 2; }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12)); out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F)); return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18)); out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

static int hex4(const char *p, unsigned long *v)
{
    *v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        int x = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (x < 0)
            return 0;
        *v = *v * 16 + (unsigned long)x;
    }
    return 1;
}

/* Decodes the escape whose backslash j->p has just passed into out (room
 * for 4 bytes), moving j->p past it; returns its length (always shorter
 * than the escape), or 0 with j->err set when it is malformed. */
static size_t decode_escape(lia_json *j, int strict, char *out)
{
    if (j->p >= j->end) {
        j->err = "unterminated string";
        return 0;
    }
    char e = *j->p++;
    unsigned long cp, lo;
    switch (e) {
    case '"': *out = '"'; return 1;
    case '\\': *out = '\\'; return 1;
    case '/': *out = '/'; return 1;
    case 'b': *out = '\b'; return 1;
    case 'f': *out = '\f'; return 1;
    case 'n': *out = '\n'; return 1;
    case 'r': *out = '\r'; return 1;
    case 't': *out = '\t'; return 1;
    case 'u':
        if (j->end - j->p < 4 || !hex4(j->p, &cp)) {
            j->err = "bad \\u escape";
            return 0;
        }
        j->p += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF && j->end - j->p >= 6 && j->p[0] == '\\'
            && j->p[1] == 'u' && hex4(j->p + 2, &lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            j->p += 6;
        } else if (cp >= 0xD800 && cp <= 0xDFFF) {
            if (strict) {
                j->err = "unpaired surrogate in \\u escape";
                return 0;
            }
            cp = 0xFFFD;
        } else if (cp == 0 && strict) {
            j->err = "\\u0000 in string";
            return 0;
        }
        return put_utf8(out, cp);
    default:
        j->err = "bad escape in string";
        return 0;
    }
}

/* Raw bytes are copied as they are: UTF-8 is checked by the caller. */
char *lia_json_string(lia_json *j, int strict, size_t *len_out)
{
    if (j->p >= j->end || *j->p != '"') {
        j->err = "expected a string";
        return NULL;
    }
    j->p++;
    /* Room up to the next quote, the closing one unless the string holds
     * an escaped quote (escapes only shrink): most strings are decoded
     * into one allocation. */
    const char *q = memchr(j->p, '"', (size_t)(j->end - j->p));
    strbuf b;
    sb_init(&b);
    sb_reserve(&b, (size_t)((q ? q : j->end) - j->p) + 1);
    sb_adds(&b, "");
    for (;;) {
        const char *run = j->p;
        j->p = plain_run_end(j->p, j->end, 0);
        sb_add(&b, run, (size_t)(j->p - run));
        if (j->p >= j->end) {
            j->err = "unterminated string";
            break;
        }
        if ((unsigned char)*j->p < 0x20) {
            j->err = "control character in string";
            break;
        }
        if (*j->p == '"') {
            j->p++;
            if (len_out)
                *len_out = b.len;
            return sb_detach(&b);
        }
        j->p++;   /* the backslash */
        char out[4];
        size_t n = decode_escape(j, strict, out);
        if (!n)
            break;
        sb_add(&b, out, n);
    }
    sb_release(&b);
    return NULL;
}

char *lia_json_string_in_place(lia_json *j, size_t *len_out)
{
    if (j->p >= j->end || *j->p != '"') {
        j->err = "expected a string";
        return NULL;
    }
    j->p++;
    /* The decoded bytes go over the written ones: an escape only shrinks,
     * so out never passes j->p. */
    char *const start = (char *)(uintptr_t)j->p;
    char *out = start;
    for (;;) {
        const char *run = j->p;
        j->p = plain_run_end(j->p, j->end, 0);
        size_t n = (size_t)(j->p - run);
        if (out != run)
            memmove(out, run, n);
        out += n;
        if (j->p >= j->end) {
            j->err = "unterminated string";
            return NULL;
        }
        if ((unsigned char)*j->p < 0x20) {
            j->err = "control character in string";
            return NULL;
        }
        if (*j->p == '"') {
            j->p++;
            *out = '\0';       /* at most over the closing quote, already read */
            *len_out = (size_t)(out - start);
            return start;
        }
        j->p++;   /* the backslash */
        char esc[4];
        if (!(n = decode_escape(j, 0, esc)))
            return NULL;
        memcpy(out, esc, n);
        out += n;
    }
}

size_t lia_json_scalar_len(const lia_json *j)
{
    static const char *const lits[] = { "true", "false", "null" };
    size_t avail = (size_t)(j->end - j->p);
    for (int k = 0; k < 3; k++) {
        size_t n = strlen(lits[k]);
        if (avail >= n && memcmp(j->p, lits[k], n) == 0)
            return n;
    }
    const char *p = j->p, *e = j->end;
    if (p < e && *p == '-')
        p++;
    if (p >= e || !isdigit((unsigned char)*p))
        return 0;
    if (*p == '0')
        p++;
    else
        while (p < e && isdigit((unsigned char)*p))
            p++;
    if (p < e && *p == '.') {
        if (++p >= e || !isdigit((unsigned char)*p))
            return 0;
        while (p < e && isdigit((unsigned char)*p))
            p++;
    }
    if (p < e && (*p == 'e' || *p == 'E')) {
        p++;
        if (p < e && (*p == '+' || *p == '-'))
            p++;
        if (p >= e || !isdigit((unsigned char)*p))
            return 0;
        while (p < e && isdigit((unsigned char)*p))
            p++;
    }
    return (size_t)(p - j->p);
}

/* Skips any JSON value (for fields we do not use); 0 when malformed or
 * nested deeper than 64. */
int lia_json_skip(lia_json *j, int depth)
{
    lia_json_ws(j);
    if (j->p >= j->end || depth > 64)
        return 0;
    char c = *j->p;
    if (c == '"') {
        char *s = lia_json_string(j, 0, NULL);
        free(s);
        return s != NULL;
    }
    if (c == '{' || c == '[') {
        char close = c == '{' ? '}' : ']';
        j->p++;
        lia_json_ws(j);
        if (j->p < j->end && *j->p == close) {
            j->p++;
            return 1;
        }
        for (;;) {
            if (c == '{') {
                lia_json_ws(j);
                char *k = lia_json_string(j, 0, NULL);
                if (!k)
                    return 0;
                free(k);
                lia_json_ws(j);
                if (j->p >= j->end || *j->p != ':')
                    return 0;
                j->p++;
            }
            if (!lia_json_skip(j, depth + 1))
                return 0;
            lia_json_ws(j);
            if (j->p < j->end && *j->p == ',') {
                j->p++;
                continue;
            }
            if (j->p < j->end && *j->p == close) {
                j->p++;
                return 1;
            }
            return 0;
        }
    }
    size_t n = lia_json_scalar_len(j);
    j->p += n;
    return n > 0;
}

#ifdef __SSE2__
/* The written form's special bytes among the sixteen of v, as a mask. */
static int special_mask16(__m128i v)
{
    const __m128i below = _mm_set1_epi8(0x1f), quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\'), delete = _mm_set1_epi8(0x7f);
    __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(v, below), v);      /* v <= 0x1f */
    __m128i special = _mm_or_si128(_mm_or_si128(control, _mm_cmpeq_epi8(v, quote)),
                                   _mm_or_si128(_mm_cmpeq_epi8(v, backslash), _mm_cmpeq_epi8(v, delete)));
    return _mm_movemask_epi8(special);
}
#endif

/* Copies the n bytes of s to out (room for n) and returns 1 when none of
 * them needs escaping; else 0, with out partly written.  Checking and
 * copying in the same pass: nearly every string written is plain. */
static int copy_if_plain(char *out, const char *s, size_t n)
{
#ifdef __SSE2__
    if (n >= 16) {
        size_t i = 0;
        for (; i + 16 <= n; i += 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            if (special_mask16(v))
                return 0;
            _mm_storeu_si128((__m128i *)(void *)(out + i), v);
        }
        if (i < n) {            /* the last sixteen, overlapping those done */
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + n - 16));
            if (special_mask16(v))
                return 0;
            _mm_storeu_si128((__m128i *)(void *)(out + n - 16), v);
        }
        return 1;
    }
#endif
    if (n > 16) {
        if (plain_run_end(s, s + n, 1) != s + n)
            return 0;
        memcpy(out, s, n);
        return 1;
    }
    if (n >= 4) {               /* any_special_in covers 4 to 16 bytes */
        if (any_special_in(s, n, 1))
            return 0;
        memcpy(out, s, n);
        return 1;
    }
    for (size_t i = 0; i < n; i++) {
        if (special_byte((unsigned char)s[i], 1))
            return 0;
        out[i] = s[i];
    }
    return 1;
}

void lia_json_escape(strbuf *b, const char *s)
{
    /* Fast path: nothing to escape (nearly every string written), so the
     * literal is copied in one piece. */
    size_t n = strlen(s);
    sb_reserve(b, n + 2);
    if (copy_if_plain(b->s + b->len + 1, s, n)) {
        b->s[b->len] = '"';
        b->s[b->len + 1 + n] = '"';
        b->len += n + 2;
        b->s[b->len] = '\0';
        return;
    }
    sb_addc(b, '"');
    const unsigned char *p = (const unsigned char *)s, *run = p;
    for (; *p; p++) {
        if (*p >= 0x20 && *p != '"' && *p != '\\' && *p != 0x7f)
            continue;           /* most bytes: nothing to escape */
        const char *esc = NULL;
        char u[8];
        switch (*p) {
        case '"': esc = "\\\""; break;
        case '\\': esc = "\\\\"; break;
        case '\n': esc = "\\n"; break;
        case '\r': esc = "\\r"; break;
        case '\t': esc = "\\t"; break;
        case '\b': esc = "\\b"; break;
        case '\f': esc = "\\f"; break;
        default:
            if (*p < 0x20 || *p == 0x7f) {
                snprintf(u, sizeof u, "\\u%04x", *p);
                esc = u;
            }
        }
        if (esc) {
            /* Copy the plain run before it in one piece. */
            sb_add(b, (const char *)run, (size_t)(p - run));
            sb_adds(b, esc);
            run = p + 1;
        }
    }
    sb_add(b, (const char *)run, (size_t)(p - run));
    sb_addc(b, '"');
}

