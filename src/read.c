/* read.c — the input stage: .txt files, directories of them, and JSON Lines
 * ({"id", "date", "text"} per line) into a lia_corpus that owns every
 * document (a document's text is its own allocation, or a piece of a JSON
 * Lines text the corpus took over and decoded in place).  Checks UTF-8 (bad bytes dropped, replaced or fatal, see
 * lia_corpus_set_bad_input), strips a BOM, reads CRLF and CR as LF and NULs as
 * spaces; never interprets the text otherwise. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <sys/stat.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "json.h"
#include "util.h"

/* Malformed JSON Lines reported one by one per file; the rest are counted. */
#define MAX_LINE_WARNINGS 20

typedef struct {
    lia_doc doc;
    int owns_text;          /* else doc.text is in one of the corpus's texts */
} entry;

struct lia_corpus {
    VEC(entry) docs;
    VEC(char *) texts;      /* JSON Lines texts taken over, decoded in place */
    int bad_input;          /* LIA_BAD_INPUT_* */
};

lia_corpus *lia_corpus_new(void)
{
    return xcalloc(1, sizeof(lia_corpus));
}

void lia_corpus_set_bad_input(lia_corpus *c, int mode)
{
    c->bad_input = mode == LIA_BAD_INPUT_REPLACE || mode == LIA_BAD_INPUT_FAIL
                   ? mode : LIA_BAD_INPUT_SKIP;
}

static void free_doc(entry *e)
{
    free(e->doc.id);
    free(e->doc.date);
    if (e->owns_text)
        free(e->doc.text);
}

void lia_corpus_free(lia_corpus *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->docs.n; i++)
        free_doc(&c->docs.v[i]);
    VEC_FREE(c->docs);
    for (size_t i = 0; i < c->texts.n; i++)
        free(c->texts.v[i]);
    VEC_FREE(c->texts);
    free(c);
}

size_t lia_corpus_count(const lia_corpus *c)
{
    return c->docs.n;
}

const lia_doc *lia_corpus_doc(const lia_corpus *c, size_t i)
{
    return &c->docs.v[i].doc;
}

/* The length of the well-formed UTF-8 sequence at s[0..n) (1 to 4), or 0
 * when it is ill-formed; *bad is then the length of its maximal subpart
 * (Unicode 3.9, U+FFFD substitution of maximal subparts), at least 1. */
static size_t utf8_seq(const unsigned char *s, size_t n, size_t *bad)
{
    unsigned char c = s[0], lo = 0x80, hi = 0xBF;
    size_t need;
    *bad = 1;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        need = 1;
    else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
    } else
        return 0;
    if (n < 2 || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t k = 2; k <= need; k++)
        if (k >= n || (s[k] & 0xC0) != 0x80) {
            *bad = k;
            return 0;
        }
    return need + 1;
}

/* A document id or path fit for a one-line message: control characters as
 * '?', at most 100 bytes (malloc'd). */
static char *printable(const char *s)
{
    strbuf b;
    sb_init(&b);
    for (size_t i = 0; s[i] && b.len < 100; i++)
        sb_addc(&b, (unsigned char)s[i] < 0x20 || s[i] == 0x7f ? '?' : s[i]);
    if (strlen(s) > 100)
        sb_adds(&b, "...");
    return sb_detach(&b);
}

#define EACH_BYTE(x) (UINT64_C(0x0101010101010101) * (x))

/* 0x80 in each byte of w that is below n (n <= 0x80); exact about whether
 * there is any (a borrow marks only bytes after a true one). */
static uint64_t bytes_below(uint64_t w, unsigned n)
{
    return (w - EACH_BYTE(n)) & ~w & EACH_BYTE(0x80);
}

/* How many of the eight bytes w (read from memory at a character
 * boundary) the byte loop of clean_prefix would pass, when they are only
 * ASCII other than NUL and CR, and two-byte sequences (C2-DF then a
 * continuation byte): 8, or 7 when the last byte opens one more sequence.
 * 0 for anything else (the byte loop then looks). */
static size_t plain_utf8_word(uint64_t w)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t high = w & EACH_BYTE(0x80);            /* not ASCII */
    const uint64_t cont = high & ~(w << 1);              /* 10xxxxxx */
    const uint64_t lead = high & (w << 1) & ~(w << 2);   /* 110xxxxx */
    if (high != (cont | lead))
        return 0;                 /* a byte of a longer sequence */
    /* C0 and C1 open no sequence: their bits 1-4 are clear. */
    if (bytes_below((w & EACH_BYTE(0x1E)) | ((~lead & EACH_BYTE(0x80)) >> 7), 1))
        return 0;
    if (bytes_below(w, 1) | bytes_below(w ^ EACH_BYTE('\r'), 1))
        return 0;                 /* NUL or CR */
    const uint64_t last = lead & (UINT64_C(0x80) << 56);
    /* Each lead byte has its continuation right after it, and nothing else
     * is a continuation (byte k is bits 8k to 8k + 7). */
    if (cont != (lead & ~last) << 8)
        return 0;
    return last ? 7 : 8;
#else
    (void)w;
    return 0;
#endif
}

#ifdef __SSE2__
/* plain_utf8_word for the sixteen bytes at s (every x86-64 has SSE2): 16,
 * 15 when the last byte opens one more sequence, or 0. */
static size_t plain_utf8_16(const unsigned char *s)
{
    const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
    const unsigned high = (unsigned)_mm_movemask_epi8(v);          /* not ASCII */
    /* As signed bytes: continuations 0x80-0xBF are -128..-65, the lead
     * bytes C2-DF of two-byte sequences -62..-33. */
    const unsigned cont = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8(-64)));
    const unsigned lead = (unsigned)_mm_movemask_epi8(
        _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(-63)), _mm_cmplt_epi8(v, _mm_set1_epi8(-32))));
    const unsigned nul_or_cr = (unsigned)_mm_movemask_epi8(
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_setzero_si128()), _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))));
    if (nul_or_cr || high != (cont | lead))
        return 0;
    /* Each lead byte has its continuation right after it, and nothing else
     * is a continuation (bit k is byte k). */
    const unsigned last = lead & 0x8000u;
    if (cont != ((lead & ~last) << 1))
        return 0;
    return last ? 15 : 16;
}
#endif

/* The length of the longest prefix of s[0..n) that clean_text leaves as it
 * is: well-formed UTF-8 without NUL or CR.  Sixteen or eight bytes at a
 * time where they are ASCII and two-byte sequences (all of Arabic). */
static size_t clean_prefix(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t bad, k;
#ifdef __SSE2__
        if (n - i >= 16 && (k = plain_utf8_16(s + i))) {
            i += k;
            continue;
        }
#endif
        if (n - i >= 8) {
            uint64_t w;
            memcpy(&w, s + i, sizeof w);
            if ((k = plain_utf8_word(w))) {
                i += k;
                continue;
            }
        }
        if (s[i] == 0 || s[i] == '\r')
            break;
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        /* two-byte sequences (all of Arabic) without the general check */
        if (s[i] >= 0xC2 && s[i] <= 0xDF && i + 1 < n && (s[i + 1] & 0xC0) == 0x80) {
            i += 2;
            continue;
        }
        if (!(k = utf8_seq(s + i, n - i, &bad)))
            break;
        i += k;
    }
    return i;
}

/* Cleans text[0..*len) in place or into a new buffer (*text may be
 * replaced; the caller owns whichever it gets back): invalid UTF-8 per the
 * corpus policy, NUL bytes as spaces, CRLF and lone CR as LF.  what names the
 * text in messages; offsets are reported as base + offset in text. */
static lia_status clean_text(const lia_corpus *c, const char *what, char **text, size_t *len,
                             size_t base, lia_diag *d)
{
    const unsigned char *s = (const unsigned char *)*text;
    size_t n = *len, i = clean_prefix(s, n);
    if (i == n)
        return LIA_OK;

    strbuf out;
    sb_init(&out);
    sb_add(&out, *text, i);
    size_t n_bad = 0, bad_bytes = 0, first_bad = 0, n_nul = 0, first_nul = 0;
    while (i < n) {
        size_t bad, k;
        if (s[i] == 0) {
            if (c->bad_input == LIA_BAD_INPUT_FAIL) {
                sb_release(&out);
                return lia_fail(d, LIA_ERR_INPUT, "%s: NUL byte at byte %zu", what, base + i);
            }
            if (!n_nul++)
                first_nul = i;
            sb_addc(&out, ' ');
            i++;
        } else if (s[i] == '\r') {
            sb_addc(&out, '\n');
            i += i + 1 < n && s[i + 1] == '\n' ? 2 : 1;
        } else if ((k = utf8_seq(s + i, n - i, &bad))) {
            sb_add(&out, (const char *)s + i, k);
            i += k;
        } else {
            if (c->bad_input == LIA_BAD_INPUT_FAIL) {
                sb_release(&out);
                return lia_fail(d, LIA_ERR_INPUT, "%s: invalid UTF-8 at byte %zu", what,
                                base + i);
            }
            if (!n_bad++)
                first_bad = i;
            bad_bytes += bad;
            if (c->bad_input == LIA_BAD_INPUT_REPLACE)
                sb_adds(&out, "\xEF\xBF\xBD");
            i += bad;
        }
    }
    if (n_bad && c->bad_input == LIA_BAD_INPUT_REPLACE)
        lia_warn(d, "%s: invalid UTF-8 at byte %zu; %zu invalid sequence%s replaced by U+FFFD",
                 what, base + first_bad, n_bad, n_bad == 1 ? "" : "s");
    else if (n_bad)
        lia_warn(d, "%s: invalid UTF-8 at byte %zu; %zu bad byte%s dropped", what,
                 base + first_bad, bad_bytes, bad_bytes == 1 ? "" : "s");
    if (n_nul)
        lia_warn(d, "%s: NUL byte at byte %zu; %zu NUL byte%s read as space%s", what,
                 base + first_nul, n_nul, n_nul == 1 ? "" : "s", n_nul == 1 ? "" : "s");
    free(*text);
    *len = out.len;
    *text = sb_detach(&out);
    return LIA_OK;
}

/* Adds a document whose text is clean (taken over when owns_text, else a
 * piece of one of c's texts) without its BOM. */
static void push_doc(lia_corpus *c, const char *id, const char *date, char *text, size_t len,
                     int owns_text)
{
    if (len >= 3 && (unsigned char)text[0] == 0xEF && (unsigned char)text[1] == 0xBB
        && (unsigned char)text[2] == 0xBF) {
        memmove(text, text + 3, len - 3);
        len -= 3;
        text[len] = '\0';
    }
    entry e = { { xstrdup(id), date ? xstrdup(date) : NULL, text, len }, owns_text };
    VEC_PUSH(c->docs, e);
}

/* Adds a document; takes ownership of text (freed on failure too).  what
 * names it in messages; base is the offset of text in its file. */
static lia_status add_doc(lia_corpus *c, const char *what, size_t base, const char *id,
                          const char *date, char *text, size_t len, lia_diag *d)
{
    lia_status st = clean_text(c, what, &text, &len, base, d);
    if (st != LIA_OK) {
        free(text);
        return st;
    }
    push_doc(c, id, date, text, len, 1);
    return LIA_OK;
}

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* ------------------------------------------------------------ JSON Lines */

static const char *json_type(const lia_json *j)
{
    if (j->p >= j->end)
        return "missing";
    switch (*j->p) {
    case '{': return "an object";
    case '[': return "an array";
    case 't': case 'f': return "a boolean";
    case 'n': return "null";
    case '"': return "a malformed string";
    default: return isdigit((unsigned char)*j->p) || *j->p == '-' ? "a number" : "not JSON";
    }
}

/* One line's fields. */
typedef struct {
    char *id, *date, *text;
    size_t text_len;
    int text_in_line;        /* text is decoded in place in the line, not malloc'd */
    int date_wrong;          /* "date" was neither a string nor null */
} jline;

static void jline_release(jline *l)
{
    free(l->id);
    free(l->date);
    if (!l->text_in_line)
        free(l->text);
}

/* Parses one line into l; returns NULL or why it is malformed (a static
 * string, or written into why_buf).  With in_place, the line is writable
 * and the text is decoded over it (l->text_in_line). */
static const char *parse_line(lia_json *j, jline *l, int in_place, char *why_buf,
                              size_t why_size)
{
    lia_json_ws(j);
    if (*j->p != '{')
        return "not a JSON object";
    j->p++;
    lia_json_ws(j);
    if (j->p < j->end && *j->p == '}') {
        j->p++;
    } else {
        for (;;) {
            lia_json_ws(j);
            char *key = lia_json_string(j, 0, NULL);
            if (!key)
                return "malformed key";
            lia_json_ws(j);
            if (j->p >= j->end || *j->p != ':') {
                free(key);
                return "missing ':' after a key";
            }
            j->p++;
            lia_json_ws(j);
            int is_id = strcmp(key, "id") == 0, is_date = strcmp(key, "date") == 0,
                is_text = strcmp(key, "text") == 0;
            if (is_id || is_date || is_text) {
                char **slot = is_id ? &l->id : is_date ? &l->date : &l->text;
                size_t n;
                if (!(is_text && l->text_in_line))
                    free(*slot);
                *slot = NULL;
                if (is_text)
                    l->text_in_line = in_place && j->p < j->end && *j->p == '"';
                if (j->p < j->end && *j->p == '"') {
                    *slot = is_text && in_place ? lia_json_string_in_place(j, &l->text_len)
                                                : lia_json_string(j, 0, is_text ? &l->text_len : NULL);
                    if (!*slot) {
                        snprintf(why_buf, why_size, "field '%s' is a malformed string", key);
                        free(key);
                        return why_buf;
                    }
                    if (is_date)
                        l->date_wrong = 0;
                } else if (is_id && (n = lia_json_scalar_len(j)) > 0
                           && (*j->p == '-' || isdigit((unsigned char)*j->p))) {
                    *slot = xstrndup(j->p, n);   /* a numeric id, taken as written */
                    j->p += n;
                } else if (is_date && (n = (size_t)(j->end - j->p), lia_json_skip(j, 0))) {
                    /* null is no date; anything else is a wrongly typed one */
                    l->date_wrong = !(n >= 4 && memcmp(j->end - n, "null", 4) == 0
                                      && j->p == j->end - n + 4);
                } else {
                    snprintf(why_buf, why_size, "field '%s' is %s, not a string", key,
                             json_type(j));
                    free(key);
                    return why_buf;
                }
            } else if (!lia_json_skip(j, 0)) {
                snprintf(why_buf, why_size, "malformed value of field '%.40s'", key);
                free(key);
                return why_buf;
            }
            free(key);
            lia_json_ws(j);
            if (j->p < j->end && *j->p == ',') {
                j->p++;
                continue;
            }
            if (j->p < j->end && *j->p == '}') {
                j->p++;
                break;
            }
            return "expected ',' or '}'";
        }
    }
    lia_json_ws(j);
    if (j->p != j->end)
        return "trailing characters after the object";
    if (!l->text)
        return "missing field 'text'";
    return NULL;
}

/* Does the line need no message and no cleaning?  Then none of the names
 * messages would use has to be made (most lines of a corpus). */
static int plain_line(const jline *l, const char *id)
{
    return !l->date_wrong && (!l->date || lia_is_iso_date(l->date))
           && clean_prefix((const unsigned char *)id, strlen(id)) == strlen(id)
           && clean_prefix((const unsigned char *)l->text, l->text_len) == l->text_len;
}

/* Parses JSON Lines text[0..len), whose first line is line first_line of
 * the input called name (for messages and the ids of documents without
 * one).  Bad lines are skipped with a warning naming their line (the first
 * MAX_LINE_WARNINGS of the input, as counted in *tally), or fatal under
 * LIA_BAD_INPUT_FAIL.  When text is writable (one of c's texts), the
 * documents' texts are decoded in place and point into it. */
static lia_status parse_jsonl(lia_corpus *c, const char *name, const char *text, size_t len,
                              int writable, long first_line, const char *default_date,
                              lia_jsonl_tally *tally, lia_diag *d)
{
    lia_status st = LIA_OK;
    char *where = printable(name);
    const char *p = text, *end = text + len;
    if (first_line == 1 && len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    long line = first_line - 1;
    while (st == LIA_OK && p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        line++;
        lia_json j = { p, le, NULL };
        p = nl ? nl + 1 : end;
        lia_json_ws(&j);
        if (j.p >= j.end)
            continue;
        jline l = { 0 };
        char why_buf[128];
        const char *why = parse_line(&j, &l, writable, why_buf, sizeof why_buf);
        if (why) {
            jline_release(&l);
            if (c->bad_input == LIA_BAD_INPUT_FAIL) {
                st = lia_fail(d, LIA_ERR_INPUT, "%s:%ld: %s", where, line, why);
                break;
            }
            if (++tally->bad_lines <= MAX_LINE_WARNINGS)
                lia_warn(d, "%s:%ld: %s; line skipped", where, line, why);
            continue;
        }
        char *gen = l.id ? NULL : xasprintf("%s:%ld", base_name(name), line);
        const char *id = l.id ? l.id : gen;
        if (plain_line(&l, id)) {
            push_doc(c, id, l.date ? l.date : default_date, l.text, l.text_len, !l.text_in_line);
            l.text = NULL;
            tally->docs++;
            free(gen);
            jline_release(&l);
            continue;
        }
        char *pid = printable(id);
        char *what = xasprintf("%s:%ld: document '%s'", where, line, pid);
        free(pid);
        if (l.date_wrong)
            lia_warn(d, "%s: field 'date' is not a string; ignored", what);
        if (l.date && !lia_is_iso_date(l.date)) {
            char *pdate = printable(l.date);
            lia_warn(d, "%s: date '%s' is not YYYY-MM-DD; ignored", what, pdate);
            free(pdate);
            free(l.date);
            l.date = NULL;
        }
        if (l.text_in_line) {       /* cleaning may replace it: a copy of its own */
            l.text = xstrndup(l.text, l.text_len);
            l.text_in_line = 0;
        }
        /* An id that is not UTF-8 is cleaned like text (messages name the line). */
        size_t id_len = strlen(id);
        char *id_copy = xstrdup(id);
        char *id_what = xasprintf("%s:%ld: field 'id'", where, line);
        st = clean_text(c, id_what, &id_copy, &id_len, 0, d);
        free(id_what);
        if (st == LIA_OK) {
            st = add_doc(c, what, 0, id_copy, l.date ? l.date : default_date, l.text,
                         l.text_len, d);
            l.text = NULL;
            tally->docs++;
        }
        free(id_copy);
        free(what);
        free(gen);
        jline_release(&l);
    }
    free(where);
    return st;
}

void lia_jsonl_tally_end(const lia_jsonl_tally *tally, const char *name, lia_diag *d)
{
    char *where = printable(name);
    if (tally->bad_lines > MAX_LINE_WARNINGS)
        lia_warn(d, "%s: %zu more malformed lines skipped", where,
                 tally->bad_lines - MAX_LINE_WARNINGS);
    if (!tally->docs)
        lia_warn(d, "'%s': no documents", where);
    free(where);
}

static lia_status read_jsonl(lia_corpus *c, const char *path, const char *default_date,
                             lia_diag *d)
{
    char *text;
    size_t len;
    lia_status st = lia_read_file(path, &text, &len, d);
    if (st != LIA_OK)
        return st;
    lia_jsonl_tally tally = { 0 };
    st = parse_jsonl(c, path, text, len, 0, 1, default_date, &tally, d);
    if (st == LIA_OK)
        lia_jsonl_tally_end(&tally, path, d);
    free(text);
    return st;
}

static lia_status read_txt(lia_corpus *c, const char *path, const char *default_date,
                           lia_diag *d)
{
    char *text;
    size_t len;
    lia_status st = lia_read_file(path, &text, &len, d);
    if (st != LIA_OK)
        return st;
    char *pp = printable(path);
    char *what = xasprintf("'%s'", pp);
    free(pp);
    if (len == 0 || (len == 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)) {
        lia_warn(d, "%s: empty file; skipped", what);
        free(text);
    } else {
        st = add_doc(c, what, 0, base_name(path), default_date, text, len, d);
    }
    free(what);
    return st;
}

lia_status lia_dir_inputs(const char *dir, char ***paths, size_t *n, lia_diag *d)
{
    *paths = NULL;
    *n = 0;
    DIR *dp = opendir(dir);
    if (!dp)
        return lia_fail(d, LIA_ERR_IO, "cannot open '%s': %s", dir, strerror(errno));
    VEC(char *) names = { 0 };
    struct dirent *e;
    while ((e = readdir(dp)))
        if (lia_ends_with(e->d_name, ".txt") || lia_ends_with(e->d_name, ".jsonl"))
            VEC_PUSH(names, xasprintf("%s/%s", dir, e->d_name));
    closedir(dp);
    if (!names.n)
        return lia_fail(d, LIA_ERR_INPUT, "'%s' has no .txt or .jsonl files", dir);
    qsort(names.v, names.n, sizeof *names.v, lia_cmp_strp);
    *paths = names.v;
    *n = names.n;
    return LIA_OK;
}

static lia_status add_path(lia_corpus *c, const char *path, const char *default_date,
                           int depth, lia_diag *d)
{
    struct stat sb;
    if (stat(path, &sb) != 0)
        return lia_fail(d, LIA_ERR_IO, "cannot open '%s': %s", path, strerror(errno));
    if (S_ISDIR(sb.st_mode)) {
        if (depth > 0) {
            lia_warn(d, "'%s' is a directory inside a directory; skipped", path);
            return LIA_OK;
        }
        char **names;
        size_t n_names;
        lia_status st = lia_dir_inputs(path, &names, &n_names, d);
        if (st != LIA_OK)
            return st;
        for (size_t i = 0; i < n_names; i++) {
            if (st == LIA_OK)
                st = add_path(c, names[i], default_date, depth + 1, d);
            free(names[i]);
        }
        free(names);
        return st;
    }
    if (!S_ISREG(sb.st_mode) && !S_ISFIFO(sb.st_mode))
        return lia_fail(d, LIA_ERR_INPUT, "cannot read '%s': not a regular file or a directory",
                        path);
    if (lia_ends_with(path, ".jsonl"))
        return read_jsonl(c, path, default_date, d);
    return read_txt(c, path, default_date, d);
}

/* Drops the documents added since there were `before` of them. */
static void drop_docs_after(lia_corpus *c, size_t before)
{
    while (c->docs.n > before)
        free_doc(&c->docs.v[--c->docs.n]);
}

lia_status lia_corpus_add_path(lia_corpus *c, const char *path, const char *default_date,
                               lia_diag *d)
{
    size_t before = c->docs.n;
    lia_status st = add_path(c, path, default_date, 0, d);
    if (st != LIA_OK)
        drop_docs_after(c, before);
    return st;
}

lia_status lia_corpus_take_jsonl_text(lia_corpus *c, const char *name, char *text, size_t len,
                                      long first_line, const char *default_date,
                                      lia_jsonl_tally *tally, lia_diag *d)
{
    VEC_PUSH(c->texts, text);
    size_t before = c->docs.n;
    lia_status st = parse_jsonl(c, name, text, len, 1, first_line, default_date, tally, d);
    if (st != LIA_OK)
        drop_docs_after(c, before);
    return st;
}

static int cmp_docs(const void *a, const void *b)
{
    const lia_doc *x = &((const entry *)a)->doc, *y = &((const entry *)b)->doc;
    int c = strcmp(x->id, y->id);
    if (c)
        return c;
    c = strcmp(x->date ? x->date : "", y->date ? y->date : "");
    if (c)
        return c;
    return x->len != y->len ? (x->len < y->len ? -1 : 1) : memcmp(x->text, y->text, x->len);
}

void lia_corpus_sort(lia_corpus *c)
{
    if (c->docs.n > 1)
        qsort(c->docs.v, c->docs.n, sizeof *c->docs.v, cmp_docs);
}
