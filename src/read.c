/* read.c — the input stage: .txt files, directories of them, and JSON Lines
 * ({"id", "date", "text"} per line) into a lia_corpus that owns every
 * document.  Checks UTF-8 and strips a BOM; never interprets the text. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <sys/stat.h>

#include "util.h"

struct lia_corpus {
    VEC(lia_doc) docs;
};

lia_corpus *lia_corpus_new(void)
{
    return xcalloc(1, sizeof(lia_corpus));
}

void lia_corpus_free(lia_corpus *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->docs.n; i++) {
        free(c->docs.v[i].id);
        free(c->docs.v[i].date);
        free(c->docs.v[i].text);
    }
    VEC_FREE(c->docs);
    free(c);
}

size_t lia_corpus_count(const lia_corpus *c)
{
    return c->docs.n;
}

const lia_doc *lia_corpus_doc(const lia_corpus *c, size_t i)
{
    return &c->docs.v[i];
}

/* Offset of the first invalid UTF-8 sequence, or len when valid. */
static size_t utf8_invalid_at(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned char c = s[i];
        size_t n;
        unsigned int cp;
        if (c < 0x80) { i++; continue; }
        else if ((c & 0xE0) == 0xC0) { n = 1; cp = c & 0x1F; }
        else if ((c & 0xF0) == 0xE0) { n = 2; cp = c & 0x0F; }
        else if ((c & 0xF8) == 0xF0) { n = 3; cp = c & 0x07; }
        else return i;
        for (size_t k = 1; k <= n; k++) {
            if (i + k >= len || (s[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000)
            || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += n + 1;
    }
    return len;
}

/* Takes ownership of text. */
static lia_status add_doc(lia_corpus *c, const char *id, const char *date, char *text,
                          size_t len, lia_diag *d)
{
    if (len >= 3 && (unsigned char)text[0] == 0xEF && (unsigned char)text[1] == 0xBB
        && (unsigned char)text[2] == 0xBF) {
        memmove(text, text + 3, len - 3);
        len -= 3;
        text[len] = '\0';
    }
    size_t bad = utf8_invalid_at((const unsigned char *)text, len);
    if (bad < len)
        lia_warn(d, "'%s': invalid UTF-8 at byte %zu; bad bytes are replaced", id, bad);
    if (memchr(text, '\0', len)) {
        for (size_t i = 0; i < len; i++)
            if (text[i] == '\0')
                text[i] = ' ';
        lia_warn(d, "'%s': NUL bytes read as spaces", id);
    }
    lia_doc doc = { xstrdup(id), date ? xstrdup(date) : NULL, text, len };
    VEC_PUSH(c->docs, doc);
    return LIA_OK;
}

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* ------------------------------------------------------------ JSON Lines */

typedef struct {
    const char *p, *end;
} jcur;

static void jws(jcur *j)
{
    while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\r' || *j->p == '\n'))
        j->p++;
}

static void put_utf8(strbuf *b, unsigned long cp)
{
    char out[4];
    size_t n;
    if (cp < 0x80) { out[0] = (char)cp; n = 1; }
    else if (cp < 0x800) { out[0] = (char)(0xC0 | (cp >> 6)); out[1] = (char)(0x80 | (cp & 0x3F)); n = 2; }
    else if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12)); out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F)); n = 3;
    } else {
        out[0] = (char)(0xF0 | (cp >> 18)); out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        out[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); out[3] = (char)(0x80 | (cp & 0x3F)); n = 4;
    }
    sb_add(b, out, n);
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

/* Parses a JSON string at j->p (which is at '"'); returns malloc'd UTF-8. */
static char *jstring(jcur *j, size_t *len_out)
{
    if (j->p >= j->end || *j->p != '"')
        return NULL;
    j->p++;
    strbuf b;
    sb_init(&b);
    sb_adds(&b, "");
    while (j->p < j->end && *j->p != '"') {
        char c = *j->p++;
        if ((unsigned char)c < 0x20) {
            sb_release(&b);
            return NULL;
        }
        if (c != '\\') {
            sb_addc(&b, c);
            continue;
        }
        if (j->p >= j->end)
            break;
        char e = *j->p++;
        switch (e) {
        case '"': sb_addc(&b, '"'); break;
        case '\\': sb_addc(&b, '\\'); break;
        case '/': sb_addc(&b, '/'); break;
        case 'b': sb_addc(&b, '\b'); break;
        case 'f': sb_addc(&b, '\f'); break;
        case 'n': sb_addc(&b, '\n'); break;
        case 'r': sb_addc(&b, '\r'); break;
        case 't': sb_addc(&b, '\t'); break;
        case 'u': {
            unsigned long cp, lo;
            if (j->end - j->p < 4 || !hex4(j->p, &cp)) {
                sb_release(&b);
                return NULL;
            }
            j->p += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF && j->end - j->p >= 6 && j->p[0] == '\\'
                && j->p[1] == 'u' && hex4(j->p + 2, &lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                j->p += 6;
            } else if (cp >= 0xD800 && cp <= 0xDFFF) {
                cp = 0xFFFD;
            }
            put_utf8(&b, cp);
            break;
        }
        default:
            sb_release(&b);
            return NULL;
        }
    }
    if (j->p >= j->end) {
        sb_release(&b);
        return NULL;
    }
    j->p++;
    if (len_out)
        *len_out = b.len;
    return sb_detach(&b);
}

/* Skips any JSON value (for fields we do not use). */
static int jskip(jcur *j, int depth)
{
    jws(j);
    if (j->p >= j->end || depth > 64)
        return 0;
    char c = *j->p;
    if (c == '"') {
        char *s = jstring(j, NULL);
        free(s);
        return s != NULL;
    }
    if (c == '{' || c == '[') {
        char close = c == '{' ? '}' : ']';
        j->p++;
        jws(j);
        if (j->p < j->end && *j->p == close) {
            j->p++;
            return 1;
        }
        for (;;) {
            if (c == '{') {
                jws(j);
                char *k = jstring(j, NULL);
                if (!k)
                    return 0;
                free(k);
                jws(j);
                if (j->p >= j->end || *j->p != ':')
                    return 0;
                j->p++;
            }
            if (!jskip(j, depth + 1))
                return 0;
            jws(j);
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
    const char *start = j->p;
    while (j->p < j->end && (isalnum((unsigned char)*j->p) || strchr("+-.eE", *j->p)))
        j->p++;
    return j->p > start;
}

static lia_status read_jsonl(lia_corpus *c, const char *path, const char *default_date,
                             lia_diag *d)
{
    char *text;
    size_t len;
    lia_status st = lia_read_file(path, &text, &len, d);
    if (st != LIA_OK)
        return st;
    const char *p = text, *end = text + len;
    int line = 0;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        line++;
        jcur j = { p, le };
        p = nl ? nl + 1 : end;
        jws(&j);
        if (j.p >= j.end)
            continue;
        char *id = NULL, *date = NULL, *body = NULL;
        size_t body_len = 0;
        const char *why = NULL;
        if (*j.p != '{') {
            why = "not a JSON object";
            goto bad;
        }
        j.p++;
        jws(&j);
        if (j.p < j.end && *j.p == '}') {
            j.p++;
        } else {
            for (;;) {
                jws(&j);
                char *key = jstring(&j, NULL);
                if (!key) {
                    why = "malformed key";
                    goto bad;
                }
                jws(&j);
                if (j.p >= j.end || *j.p != ':') {
                    free(key);
                    why = "missing ':'";
                    goto bad;
                }
                j.p++;
                jws(&j);
                char **slot = strcmp(key, "id") == 0 ? &id : strcmp(key, "date") == 0 ? &date
                              : strcmp(key, "text") == 0 ? &body : NULL;
                if (slot) {
                    if (j.p < j.end && strncmp(j.p, "null", 4) == 0 && strcmp(key, "date") == 0) {
                        j.p += 4;
                    } else {
                        free(*slot);
                        *slot = jstring(&j, slot == &body ? &body_len : NULL);
                        if (!*slot) {
                            why = strcmp(key, "text") == 0 ? "field 'text' is not a string"
                                  : strcmp(key, "id") == 0 ? "field 'id' is not a string"
                                                           : "field 'date' is not a string";
                            free(key);
                            goto bad;
                        }
                    }
                } else if (!jskip(&j, 0)) {
                    free(key);
                    why = "malformed value";
                    goto bad;
                }
                free(key);
                jws(&j);
                if (j.p < j.end && *j.p == ',') {
                    j.p++;
                    continue;
                }
                if (j.p < j.end && *j.p == '}') {
                    j.p++;
                    break;
                }
                why = "expected ',' or '}'";
                goto bad;
            }
        }
        jws(&j);
        if (j.p != j.end) {
            why = "trailing characters after the object";
            goto bad;
        }
        if (!body) {
            why = "missing field 'text'";
            goto bad;
        }
        if (date && !lia_is_iso_date(date)) {
            lia_warn(d, "%s:%d: date '%s' is not YYYY-MM-DD; ignored", path, line, date);
            free(date);
            date = NULL;
        }
        {
            char *gen = NULL;
            if (!id)
                gen = xasprintf("%s:%d", base_name(path), line);
            add_doc(c, id ? id : gen, date ? date : default_date, body, body_len, d);
            free(gen);
            free(id);
            free(date);
        }
        continue;
    bad:
        lia_warn(d, "%s:%d: %s; line skipped", path, line, why);
        free(id);
        free(date);
        free(body);
    }
    free(text);
    return LIA_OK;
}

static lia_status read_txt(lia_corpus *c, const char *path, const char *default_date,
                           lia_diag *d)
{
    char *text;
    size_t len;
    lia_status st = lia_read_file(path, &text, &len, d);
    if (st != LIA_OK)
        return st;
    return add_doc(c, base_name(path), default_date, text, len, d);
}

lia_status lia_corpus_add_path(lia_corpus *c, const char *path, const char *default_date,
                               lia_diag *d)
{
    struct stat sb;
    if (stat(path, &sb) != 0)
        return lia_fail(d, LIA_ERR_IO, "cannot open '%s': %s", path, strerror(errno));
    if (S_ISDIR(sb.st_mode)) {
        DIR *dp = opendir(path);
        if (!dp)
            return lia_fail(d, LIA_ERR_IO, "cannot open '%s': %s", path, strerror(errno));
        VEC(char *) names = { 0 };
        struct dirent *e;
        while ((e = readdir(dp)))
            if (ends_with(e->d_name, ".txt") || ends_with(e->d_name, ".jsonl"))
                VEC_PUSH(names, xasprintf("%s/%s", path, e->d_name));
        closedir(dp);
        if (!names.n)
            return lia_fail(d, LIA_ERR_INPUT, "'%s' has no .txt or .jsonl files", path);
        qsort(names.v, names.n, sizeof *names.v, lia_cmp_strp);
        lia_status st = LIA_OK;
        for (size_t i = 0; i < names.n; i++) {
            if (st == LIA_OK)
                st = lia_corpus_add_path(c, names.v[i], default_date, d);
            free(names.v[i]);
        }
        VEC_FREE(names);
        return st;
    }
    if (ends_with(path, ".jsonl"))
        return read_jsonl(c, path, default_date, d);
    return read_txt(c, path, default_date, d);
}

static int cmp_docs(const void *a, const void *b)
{
    const lia_doc *x = a, *y = b;
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
