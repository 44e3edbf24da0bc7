/* dates.c — finds dates, date ranges, years and relative dates in a token
 * window and writes them as ISO 8601, resolved against the document date.
 * Reads tokens only; knows month names of every Arabic calendar family. */
#include "dates.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

#include "util.h"

/* ---- calendar arithmetic (proleptic Gregorian, no time zones) ---- */

/* Days since 1970-01-01 of y-m-d (H. Hinnant's days_from_civil). */
static long days_from_civil(long y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long yy = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yy + (*m <= 2));
}

/* 0 = Sunday ... 6 = Saturday */
static int weekday_of(long days)
{
    long w = (days + 4) % 7;
    return (int)(w < 0 ? w + 7 : w);
}

static int days_in_month(int y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2)
        return (y == 0 || (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))) ? 29 : 28;
    return dm[m - 1];
}

/* ---- vocabulary (already in normalized form: no hamza on alef, ي, ه) ---- */

static const struct {
    const char *name;
    int month;
} month_names[] = {
    /* Gulf / Egypt */
    {"يناير", 1}, {"فبراير", 2}, {"مارس", 3}, {"ابريل", 4}, {"مايو", 5}, {"يونيو", 6},
    {"يونيه", 6}, {"يوليو", 7}, {"يوليه", 7}, {"اغسطس", 8}, {"سبتمبر", 9}, {"اكتوبر", 10},
    {"نوفمبر", 11}, {"ديسمبر", 12},
    /* Maghreb */
    {"ماي", 5}, {"يوليوز", 7}, {"غشت", 8}, {"شتنبر", 9}, {"نونبر", 11}, {"دجنبر", 12},
    /* Algeria / Tunisia */
    {"جانفي", 1}, {"فيفري", 2}, {"افريل", 4}, {"جوان", 6}, {"جويليه", 7}, {"اوت", 8},
    /* Levant / Iraq (two-word names are handled apart) */
    {"شباط", 2}, {"اذار", 3}, {"نيسان", 4}, {"ايار", 5}, {"مايس", 5}, {"حزيران", 6},
    {"تموز", 7}, {"ايلول", 9},
};

#define AB_AUGUST "اب"

/* Weekday names without the article, Sunday first. */
static const char *const weekday_names[] = {
    "احد", "اثنين", "ثلاثاء", "اربعاء", "خميس", "جمعه", "سبت",
};

/* ---- token helpers ---- */

typedef VEC(lia_date) date_vec;

typedef struct {
    const lia_tokens *t;
    size_t from, to;
    int has_doc;
    int dy, dm, dd;        /* the document date */
    long doc_days;
    const date_vec *told;  /* the dates found so far, for "العام نفسه" */
} ctx;

static const lia_token *tk(const ctx *c, size_t i)
{
    return i >= c->from && i < c->to ? &c->t->tok[i] : NULL;
}

/* Token i is exactly the normalized string s. */
static int is_norm(const ctx *c, size_t i, const char *s)
{
    const lia_token *t = tk(c, i);
    return t && strcmp(t->norm, s) == 0;
}

/* Token i is an Arabic word with s among its forms. */
static int has_form(const ctx *c, size_t i, const char *s)
{
    const lia_token *t = tk(c, i);
    return t && t->kind == LIA_TOK_WORD && lia_token_matches(t, s);
}

/* Token i is the article form of s ("الماضي" for "ماضي"). */
static int is_article_form(const ctx *c, size_t i, const char *s)
{
    const lia_token *t = tk(c, i);
    return t && t->kind == LIA_TOK_WORD && strncmp(t->norm, "ال", 4) == 0 &&
           strcmp(t->norm + 4, s) == 0;
}

static int plain_number(const lia_token *t, size_t maxlen)
{
    if (!t || t->kind != LIA_TOK_NUMBER)
        return 0;
    size_t n = strlen(t->norm);
    if (n == 0 || n > maxlen)
        return 0;
    for (size_t k = 0; k < n; k++)
        if (t->norm[k] < '0' || t->norm[k] > '9')
            return 0;
    return 1;
}

/* A day number 1..31 at i, or 0. */
static int day_at(const ctx *c, size_t i)
{
    const lia_token *t = tk(c, i);
    if (!plain_number(t, 2) || t->number < 1 || t->number > 31)
        return 0;
    return (int)t->number;
}

/* A year 1900..2100 at i, or 0. */
static int year_at(const ctx *c, size_t i)
{
    const lia_token *t = tk(c, i);
    if (!plain_number(t, 4) || strlen(t->norm) != 4 || t->number < 1900 || t->number > 2100)
        return 0;
    return (int)t->number;
}

/* The index after a year at i, skipping an adjacent "م" (ميلادي) mark. */
static size_t after_year(const ctx *c, size_t i)
{
    if (is_norm(c, i + 1, "م") || is_norm(c, i + 1, "ميلادي") || is_norm(c, i + 1, "ميلاديه"))
        return i + 2;
    return i + 1;
}

/* Words after which a year is named: "خلال 2022", "منذ 2019". */
static const char *const year_openers[] = {
    "خلال", "منذ", "مطلع", "بدايه", "نهايه", "اواخر", "اوايل", "اواسط", "منتصف", "حتي",
};

/* The other words a date expression can start with (by the *_led
 * functions below); with the month names, year_openers and the weekdays
 * with their article they make date_starts.  Keep them in step. */
static const char *const other_date_starts[] = {
    "كانون", "تشرين", AB_AUGUST, "و" AB_AUGUST, "ف" AB_AUGUST,   /* month_word_at */
    "سنه", "عام", "الشهر",                                        /* year_led */
    "امس", "اول", "اليوم", "واليوم", "غدا", "غد", "قبل", "بعد",   /* day_word_led */
    "قبلها", "بعدها",                                              /* day_apart_led */
    "غداه", "وغداه",                                               /* next_day_led */
    "ثاني", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن",        /* ordinal_day_at */
    "تاسع", "عاشر", "حادي", "عشرين", "ثلاثين", "فاتح",
};

/* Built once, process lifetime (never freed, like ICU's own data):
 * month_index maps a month name to its first index in month_names + 1;
 * date_starts holds every word above, so that a token none of whose forms
 * is there starts no date and is skipped at the cost of a few look-ups;
 * date_start_keys answers most of those look-ups without a probe. */
static lia_map month_index, date_starts;
static lia_key_filter date_start_keys;
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

static void build_tables(void)
{
    lia_map_init(&month_index);
    lia_map_init(&date_starts);
    for (size_t k = 0; k < sizeof month_names / sizeof month_names[0]; k++) {
        if (!lia_map_get(&month_index, month_names[k].name))
            lia_map_put(&month_index, month_names[k].name, (void *)(intptr_t)(k + 1));
        lia_map_put(&date_starts, month_names[k].name, (void *)1);
    }
    for (size_t k = 0; k < sizeof year_openers / sizeof year_openers[0]; k++)
        lia_map_put(&date_starts, year_openers[k], (void *)1);
    for (size_t k = 0; k < sizeof other_date_starts / sizeof other_date_starts[0]; k++)
        lia_map_put(&date_starts, other_date_starts[k], (void *)1);
    for (size_t k = 0; k < sizeof weekday_names / sizeof weekday_names[0]; k++) {
        char *w = xasprintf("ال%s", weekday_names[k]);
        lia_map_put(&date_starts, w, (void *)1);
        free(w);
    }
    lia_key_filter_build(&date_start_keys, &date_starts);
}

/* Can a date expression start at token t?  A number, or a word with its
 * norm or a form in date_starts (the norm is one of its forms but for a
 * word with more forms than a token keeps). */
static int may_start_date(const lia_token *t)
{
    if (t->kind == LIA_TOK_NUMBER)
        return 1;
    int norm_seen = 0;
    for (int f = 0; f < t->n_forms; f++) {
        if (lia_key_filter_may_have(&date_start_keys, t->form_hash[f])
            && lia_map_get_hashed(&date_starts, t->forms[f], t->form_hash[f]))
            return 1;
        norm_seen |= t->forms[f] == t->norm;
    }
    return !norm_seen && lia_map_get(&date_starts, t->norm);
}

/* A single month name (one or two tokens) at i: returns 1..12 and sets
 * *end past it, or returns 0. */
static int month_word_at(const ctx *c, size_t i, size_t *end)
{
    const lia_token *t = tk(c, i);
    int best = -1;
    if (!t || t->kind != LIA_TOK_WORD)
        return 0;
    if (has_form(c, i, "كانون") || has_form(c, i, "تشرين")) {
        int kanun = has_form(c, i, "كانون");
        if (has_form(c, i + 1, "اول")) {
            *end = i + 2;
            return kanun ? 12 : 10;
        }
        if (has_form(c, i + 1, "ثاني")) {
            *end = i + 2;
            return kanun ? 1 : 11;
        }
        return 0;
    }
    if (strcmp(t->norm, AB_AUGUST) == 0 || strcmp(t->norm, "و" AB_AUGUST) == 0 ||
        strcmp(t->norm, "ف" AB_AUGUST) == 0) {
        *end = i + 1;
        return 8;
    }
    /* One hash look-up per form instead of a scan of every month name;
     * the first name listed for a form wins, as the scan did. */
    for (int f = 0; f < t->n_forms; f++) {
        intptr_t k = (intptr_t)lia_map_get_hashed(&month_index, t->forms[f], t->form_hash[f]);
        if (k && (best < 0 || k - 1 < best))
            best = (int)(k - 1);
    }
    if (best >= 0) {
        *end = i + 1;
        return month_names[best].month;
    }
    return 0;
}

/* A month at i, with an optional paired name in another family:
 * "سبتمبر/ ايلول", "ديسمبر (كانون الاول)", "ايلول - سبتمبر". */
static int month_at(const ctx *c, size_t i, size_t *end)
{
    int m = month_word_at(c, i, end);
    if (!m)
        return 0;
    size_t j = *end, e2;
    if (is_norm(c, j, "/") || is_norm(c, j, "-")) {
        if (month_word_at(c, j + 1, &e2))
            *end = e2;
    } else if (is_norm(c, j, "(")) {
        if (month_word_at(c, j + 1, &e2)) {
            *end = is_norm(c, e2, ")") ? e2 + 1 : e2;
        }
    }
    return m;
}

/* ---- year context after a month ---- */

enum { Y_NONE, Y_EXPLICIT, Y_CUR, Y_PAST, Y_NEXT, Y_OFFSET, Y_SAME };

typedef struct {
    int kind;
    int value;     /* the year for Y_EXPLICIT, the offset for Y_OFFSET */
} yspec;

/* A relative adjective at i ("الجاري", "الماضيه", ...): Y_CUR, Y_PAST,
 * Y_NEXT or Y_NONE. */
static int relative_at(const ctx *c, size_t i)
{
    static const struct {
        const char *w;
        int kind;
    } rel[] = {
        {"جاري", Y_CUR}, {"جاريه", Y_CUR}, {"حالي", Y_CUR}, {"حاليه", Y_CUR},
        {"ماضي", Y_PAST}, {"ماضيه", Y_PAST}, {"منصرم", Y_PAST}, {"منصرمه", Y_PAST},
        {"فايت", Y_PAST}, {"فايته", Y_PAST}, {"سابق", Y_PAST}, {"فارط", Y_PAST}, {"فارطه", Y_PAST},
        {"مقبل", Y_NEXT}, {"مقبله", Y_NEXT}, {"قادم", Y_NEXT}, {"قادمه", Y_NEXT},
    };
    for (size_t k = 0; k < sizeof rel / sizeof rel[0]; k++)
        if (is_article_form(c, i, rel[k].w))
            return rel[k].kind;
    return Y_NONE;
}

/* Is token i a "year" noun (سنه، عام, with article or clitics)? */
static int year_noun_at(const ctx *c, size_t i)
{
    return has_form(c, i, "سنه") || has_form(c, i, "عام");
}

/* The year of the last date told with its year, else the document's. */
static int last_told_year(const ctx *c)
{
    int y;
    for (size_t k = c->told ? c->told->n : 0; k-- > 0;)
        if (c->told->v[k].iso[0] != '-' && sscanf(c->told->v[k].iso, "%4d", &y) == 1)
            return y;
    return c->dy;
}

/* The last date told before token i, with its year and month, in the
 * sentence of i; NULL when there is none. */
static const lia_date *told_in_sentence(const ctx *c, size_t i)
{
    const lia_token *t = tk(c, i);
    for (size_t k = c->told && t ? c->told->n : 0; k-- > 0;) {
        const lia_date *d = &c->told->v[k];
        if (d->first >= i)
            continue;
        if (c->t->tok[d->first].sentence != t->sentence)
            return NULL;
        if (d->iso[0] != '-' && strlen(d->iso) >= 7)
            return d;
    }
    return NULL;
}

/* The year of the last date told before token i in its sentence that
 * names its year ("2023"، "من العام نفسه"); 0 when there is none. */
static int year_written_in_sentence(const ctx *c, size_t i)
{
    const lia_token *t = tk(c, i);
    int y;
    for (size_t k = c->told && t ? c->told->n : 0; k-- > 0;) {
        const lia_date *d = &c->told->v[k];
        if (d->first >= i)
            continue;
        if (c->t->tok[d->first].sentence != t->sentence)
            return 0;
        for (size_t q = d->first; q < d->last; q++)
            if ((year_at(c, q) || year_noun_at(c, q)) && sscanf(d->iso, "%4d", &y) == 1 && d->iso[0] != '-')
                return y;
    }
    return 0;
}

/* Reads what follows a month at j: a year, "الجاري", "من العام الماضي",
 * "عام 2023"...  Sets *end past what it used. */
static yspec year_context(const ctx *c, size_t j, size_t *end)
{
    yspec y = {Y_NONE, 0};
    *end = j;
    int v;
    if ((v = year_at(c, j))) {
        y.kind = Y_EXPLICIT, y.value = v, *end = after_year(c, j);
        return y;
    }
    if (is_norm(c, j, ",") && (v = year_at(c, j + 1))) {
        y.kind = Y_EXPLICIT, y.value = v, *end = after_year(c, j + 1);
        return y;
    }
    int r = relative_at(c, j);
    if (r != Y_NONE) {
        y.kind = r, *end = j + 1;
        return y;
    }
    size_t k = j;
    if (is_norm(c, k, "من"))
        k++;
    if (year_noun_at(c, k)) {
        if ((v = year_at(c, k + 1))) {
            y.kind = Y_EXPLICIT, y.value = v, *end = after_year(c, k + 1);
            return y;
        }
        /* "في يونيو من العام نفسه"، "من السنة ذاتها": the year last told */
        if (k > j && (has_form(c, k + 1, "نفسه") || has_form(c, k + 1, "ذاته")
                      || has_form(c, k + 1, "نفسها") || has_form(c, k + 1, "ذاتها"))) {
            y.kind = Y_SAME, *end = k + 2;
            return y;
        }
        r = relative_at(c, k + 1);
        if (r != Y_NONE && k > j) {   /* "من العام الماضي" */
            y.kind = Y_OFFSET;
            y.value = r == Y_PAST ? -1 : r == Y_NEXT ? 1 : 0;
            *end = k + 2;
            return y;
        }
    }
    /* "جولة في يونيو 2023 ... ثم انتقل إلى أبوظبي في 22 يونيو": a date
     * without its year shares that of one told earlier in its sentence
     * with its year written (not "منذ ديسمبر الماضي، ... في 14 ديسمبر،
     * ... في 12 يناير"). */
    if (j > c->from && (v = year_written_in_sentence(c, j - 1)) != 0 && v != c->dy)
        y.kind = Y_EXPLICIT, y.value = v;
    return y;
}


/* Resolves the year of (m, d) (d = 0 for a month) under spec y.
 * Returns the year, or 0 when it stays unknown. */
static int resolve_year(const ctx *c, yspec y, int m, int d)
{
    if (y.kind == Y_EXPLICIT)
        return y.value;
    if (!c->has_doc)
        return 0;
    int before = m < c->dm || (m == c->dm && d && d < c->dd);    /* strictly before doc */
    int after = m > c->dm || (m == c->dm && d && d > c->dd);
    switch (y.kind) {
    case Y_CUR:
        return c->dy;
    case Y_OFFSET:
        return c->dy + y.value;
    case Y_SAME:
        return last_told_year(c);
    case Y_PAST:
        return before ? c->dy : c->dy - 1;
    case Y_NEXT:
        return after ? c->dy : c->dy + 1;
    default:
        break;
    }
    /* No year given: the document's year, unless that puts the date more
     * than half a year after publication (then it is last year's). */
    if (d && days_from_civil(c->dy, m, d <= days_in_month(c->dy, m) ? d : 28) - c->doc_days > 183)
        return c->dy - 1;
    return c->dy;
}

/* ---- output ---- */

static void push(date_vec *v, size_t first, size_t last, const char *iso, int has_day, int past)
{
    lia_date dt;
    memset(&dt, 0, sizeof dt);
    dt.first = first;
    dt.last = last;
    /* iso as snprintf "%s" copies it (cut to the field), without printf. */
    size_t len = strnlen(iso, sizeof dt.iso - 1);
    memcpy(dt.iso, iso, len);
    dt.has_day = has_day;
    dt.relative_past = past;
    VEC_PUSH(*v, dt);
}

/* Writes v in `width` decimal digits, zero-padded, at p; returns the end. */
static char *put_padded(char *p, int v, int width)
{
    for (int k = width - 1; k >= 0; k--, v /= 10)
        p[k] = (char)('0' + v % 10);
    return p + width;
}

/* snprintf(buf, n, "%04d-%02d-%02d", y, m, d) written by hand where each
 * number fits its width (printf is slow in this process, see sb_addl). */
static void put_iso_day(char *buf, size_t n, int y, int m, int d)
{
    if (n < 11 || y < 0 || y > 9999 || m < 0 || m > 99 || d < 0 || d > 99) {
        snprintf(buf, n, "%04d-%02d-%02d", y, m, d);
        return;
    }
    char *p = put_padded(buf, y, 4);
    *p++ = '-';
    p = put_padded(p, m, 2);
    *p++ = '-';
    p = put_padded(p, d, 2);
    *p = '\0';
}

/* Writes y-m-d (or --m-d when y == 0) into buf; 0 when the day is invalid. */
static int fmt_day(char *buf, size_t n, int y, int m, int d)
{
    if (d < 1 || d > days_in_month(y ? y : 2000, m))
        return 0;
    if (y)
        put_iso_day(buf, n, y, m, d);
    else
        snprintf(buf, n, "--%02d-%02d", m, d);
    return 1;
}

static void fmt_days(char *buf, size_t n, long days)
{
    int y, m, d;
    civil_from_days(days, &y, &m, &d);
    put_iso_day(buf, n, y, m, d);
}

/* ---- patterns ---- */

/* A range separator between two days at i: "-", "الي", "الي غايه",
 * "حتي", "لغايه", "و"; "والـ" too, the article written apart from the
 * number ("بين الـ 16 والـ 19 من نيسان").  Returns the index after it, or 0. */
static size_t range_sep(const ctx *c, size_t i)
{
    if (is_norm(c, i, "-") || is_norm(c, i, "و") || is_norm(c, i, "حتي") ||
        is_norm(c, i, "لغايه") || is_norm(c, i, "وال"))
        return i + 1;
    if (is_norm(c, i, "الي") || is_norm(c, i, "لي"))
        return is_norm(c, i + 1, "غايه") ? i + 2 : i + 1;
    return 0;
}

/* Words that open a date or range and belong to its span. */
static size_t extend_back(const ctx *c, size_t first)
{
    while (first > c->from) {
        size_t p = first - 1;
        if (is_norm(c, p, "من") || is_norm(c, p, "بين") || is_norm(c, p, "يومي") ||
            is_norm(c, p, "يوم") || is_norm(c, p, "ال")) {
            first = p;
            if (p > c->from && is_norm(c, p, "بين") && is_norm(c, p - 1, "ما"))
                first = p - 1;
            continue;
        }
        break;
    }
    return first;
}

/* Numeric dates: d/m/yyyy, d-m-yyyy, d.m.yyyy and yyyy-mm-dd, written
 * without spaces. */
static int numeric_date(const ctx *c, size_t i, date_vec *out)
{
    const lia_token *a = tk(c, i), *s1 = tk(c, i + 1), *b = tk(c, i + 2), *s2 = tk(c, i + 3),
                    *e = tk(c, i + 4);
    if (!a || !s1 || !b || !s2 || !e || a->kind != LIA_TOK_NUMBER || b->kind != LIA_TOK_NUMBER ||
        e->kind != LIA_TOK_NUMBER)
        return 0;
    if (s1->nstart != a->nend || b->nstart != s1->nend || s2->nstart != b->nend ||
        e->nstart != s2->nend || strcmp(s1->norm, s2->norm) != 0)
        return 0;
    if (strcmp(s1->norm, "/") && strcmp(s1->norm, "-") && strcmp(s1->norm, "."))
        return 0;
    int y, m, d;
    char buf[32];
    if (year_at(c, i) && plain_number(b, 2) && plain_number(e, 2) && !strcmp(s1->norm, "-")) {
        y = (int)a->number, m = (int)b->number, d = (int)e->number;
    } else if (year_at(c, i + 4) && plain_number(a, 2) && plain_number(b, 2)) {
        y = (int)e->number, m = (int)b->number, d = (int)a->number;
    } else {
        return 0;
    }
    if (m < 1 || m > 12 || !fmt_day(buf, sizeof buf, y, m, d))
        return 0;
    push(out, i, i + 5, buf, 1, 0);
    return 5;
}

/* A day written as one ordinal word ("التاسع"، "العاشر"), 0 if none. */
static int one_word_ordinal(const char *norm)
{
    static const char *const days[] = { "الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس",
                                        "السابع", "الثامن", "التاسع", "العاشر" };
    for (int k = 0; k < 10; k++)
        if (!strcmp(norm, days[k]))
            return k + 1;
    return !strcmp(norm, "العشرين") ? 20 : !strcmp(norm, "الثلاثين") ? 30 : 0;
}

/* Is norm, after "اليوم", what makes it a day of something: an ordinal
 * or an adjective ("اليوم الأول"، "اليوم الأخير"، "اليوم العالمي"،
 * "اليوم الختامي")?  Not a definite object: "شهد اليوم الحفل"،
 * "استقبل اليوم الرئيس" tell today. */
static int day_of_something(const char *norm)
{
    size_t n = strlen(norm);
    if (strncmp(norm, "ال", 4) != 0)
        return 0;
    /* A nisba or ordinal adjective ends in ي (ى folded): العالمي، الثاني. */
    if (n >= 2 && !strcmp(norm + n - 2, "ي"))
        return 1;
    static const char *const others[] = { "الاخير", "المفتوح", "المشهود", "الموعود" };
    for (size_t k = 0; k < sizeof others / sizeof *others; k++)
        if (!strcmp(norm, others[k]))
            return 1;
    return one_word_ordinal(norm) != 0;
}

/* A date or range that starts with a day number at i.  Returns the index
 * after the expression (0 when nothing matched); an impossible date such as
 * "31 فبراير" is consumed without being reported. */
/* A day written as an ordinal before "من" and a month ("الأول من تشرين
 * الثاني", "الرابع عشر من نيسان", "الحادي والعشرين من مايو", "فاتح
 * نونبر"): the day, and in *len its tokens; else 0. */
static int ordinal_day_at(const ctx *c, size_t i, size_t *len)
{
    const lia_token *t = tk(c, i);
    /* Maghrebi "فاتح نونبر": the first, the month right after it. */
    if (is_norm(c, i, "فاتح")) {
        size_t e;
        *len = 1;
        return month_at(c, i + 1, &e) || (is_norm(c, i + 1, "من") && month_at(c, i + 2, &e)) ? 1 : 0;
    }
    int u = t ? one_word_ordinal(t->norm) : 0;
    if (u > 9)
        u = 0;              /* العاشر، العشرين، الثلاثين: told below */
    if (!u && is_norm(c, i, "الحادي"))
        u = 1;              /* only in compounds: الحادي عشر، الحادي والعشرين */
    int day = 0;
    if (is_norm(c, i, "العاشر")) {
        day = 10, *len = 1;
    } else if (is_norm(c, i, "العشرين")) {
        day = 20, *len = 1;
    } else if (is_norm(c, i, "الثلاثين")) {
        day = 30, *len = 1;
    } else if (u && is_norm(c, i + 1, "عشر")) {
        day = 10 + u, *len = 2;
    } else if (u && is_norm(c, i + 1, "والعشرين")) {
        day = 20 + u, *len = 2;
    } else if (u == 1 && is_norm(c, i + 1, "والثلاثين")) {
        day = 31, *len = 2;
    } else if (u && !is_norm(c, i, "الحادي")) {
        day = u, *len = 1;
    }
    /* "في الحادي والعشرين منه": of the month just told. */
    return day && (is_norm(c, i + *len, "من") || is_norm(c, i + *len, "منه")) ? day : 0;
}

/* "يومي التاسع والعاشر من مارس": two days written as ordinals joined by
 * و, after يومي and before من.  The first day (the second in *d2), or 0. */
static int ordinal_pair_at(const ctx *c, size_t i, int *d2)
{
    const lia_token *a = tk(c, i), *b = tk(c, i + 1);
    /* Only after "يومي" (the two days): "بين الرابع والسادس" may be a
     * span the story tells of a plan. */
    if (!a || !b || i <= c->from || !is_norm(c, i - 1, "يومي") || strncmp(b->norm, "و", 2) != 0
        || !is_norm(c, i + 2, "من"))
        return 0;
    int d1 = one_word_ordinal(a->norm);
    *d2 = one_word_ordinal(b->norm + 2);
    /* "الثالث والعشرين" is one day, the twenty-third. */
    if (*d2 == 20 || *d2 == 30)
        return 0;
    return d1 && *d2 > d1 ? d1 : 0;
}

/* "في الثالث من الشهر الجاري"، "12 من الشهر الماضي": day d of the
 * document's month (or the one before or after), the month word at k. */
static size_t this_month_day(const ctx *c, size_t i, size_t k, int d, date_vec *out, size_t *first_out)
{
    int r;
    /* "في الثلاثين من الشهر نفسه"، "في الحادي والعشرين منه": the month of
     * the last date told. */
    int same_month = is_article_form(c, k, "شهر") && (has_form(c, k + 1, "نفسه") || has_form(c, k + 1, "ذاته"));
    /* "في يونيو 2023 ... في العشرين من الشهر": a month told earlier in
     * the sentence. */
    int bare_month = !same_month && is_article_form(c, k, "شهر") && relative_at(c, k + 1) == Y_NONE
                     && told_in_sentence(c, i);
    int of_it = is_norm(c, k, "منه");
    if (same_month || bare_month || of_it) {
        size_t end = of_it || bare_month ? k + 1 : k + 2;
        /* ... or a month named since, as no date ("منذ تموز/يوليو ...،
         * قبل أن يعود في الثالث والعشرين منه"). */
        size_t last_told = 0;
        for (size_t q = out->n; q-- > 0;)
            if (out->v[q].first < i && strlen(out->v[q].iso) >= 7 && out->v[q].iso[0] != '-') {
                last_told = out->v[q].last;
                break;
            }
        for (size_t q = i; q-- > last_told && q + 40 > i;) {
            size_t e;
            int m = month_at(c, q, &e);
            if (!m || e > i)
                continue;
            int y = resolve_year(c, year_context(c, e, &e), m, d);
            char a[16];
            if (!fmt_day(a, sizeof a, y, m, d))
                return end;
            *first_out = i;
            push(out, i, end, a, 1, 0);
            return end;
        }
        /* A date years before the paper's ("اتفاق الجزائر الموقع في ديسمبر
         * 2000") is background: the month is that of a date of the
         * story's own time told before it, when there is one. */
        for (int pass = 0; pass < 2; pass++)
            for (size_t q = out->n; q-- > 0;) {
                const char *iso = out->v[q].iso;
                int y, m;
                char a[16];
                if (out->v[q].first >= i || strlen(iso) < 7 || iso[0] == '-'
                    || sscanf(iso, "%4d-%2d", &y, &m) != 2)
                    continue;
                /* (Not one told in the same sentence: "أعادت إيران فتح
                 * سفارتها في يونيو 2023، وحل X ضيفاً على طهران في السابع
                 * عشر من الشهر نفسه".) */
                if (pass == 0 && c->has_doc && y < c->dy - 1 && tk(c, out->v[q].first)->sentence != tk(c, i)->sentence)
                    continue;
                if (!fmt_day(a, sizeof a, y, m, d))
                    return end;
                *first_out = i;
                push(out, i, end, a, 1, out->v[q].relative_past);
                return end;
            }
        return 0;
    }
    if (!c->has_doc || !is_article_form(c, k, "شهر") || (r = relative_at(c, k + 1)) == Y_NONE)
        return 0;
    int m = c->dm + (r == Y_PAST ? -1 : r == Y_NEXT ? 1 : 0), y = c->dy;
    if (m < 1)
        m = 12, y--;
    if (m > 12)
        m = 1, y++;
    char a[16];
    if (!fmt_day(a, sizeof a, y, m, d))
        return k + 2;
    *first_out = i;
    push(out, i, k + 2, a, 1, r == Y_PAST);
    return k + 2;
}

static size_t day_led(const ctx *c, size_t i, date_vec *out, size_t *first_out)
{
    size_t dlen = 1;
    int d1 = day_at(c, i), d2, m1, m2;
    size_t j, k, e;
    char a[16], b[16], buf[32];
    if (!d1 && (d1 = ordinal_pair_at(c, i, &d2)) && (m1 = month_at(c, i + 3, &e))) {
        yspec ys = year_context(c, e, &e);
        int y = resolve_year(c, ys, m1, d2);
        if (!fmt_day(a, sizeof a, y, m1, d1) || !fmt_day(b, sizeof b, y, m1, d2))
            return e;
        snprintf(buf, sizeof buf, "%s/%s", a, b);
        *first_out = extend_back(c, i);
        push(out, *first_out, e, buf, 1, ys.kind == Y_PAST);
        return e;
    }
    d1 = day_at(c, i);
    if (!d1 && (d1 = ordinal_day_at(c, i, &dlen)) == 0)
        return 0;
    /* D1 sep D2 MONTH: one month */
    if (dlen == 1 && (j = range_sep(c, i + 1)) && (d2 = day_at(c, j)) && d2 > d1) {
        k = j + 1;
        if (is_norm(c, k, "من"))
            k++;
        if ((m1 = month_at(c, k, &e))) {
            yspec ys = year_context(c, e, &e);
            int y = resolve_year(c, ys, m1, d2);
            if (!fmt_day(a, sizeof a, y, m1, d1) || !fmt_day(b, sizeof b, y, m1, d2))
                return e;       /* an impossible date: consumed, not reported */
            snprintf(buf, sizeof buf, "%s/%s", a, b);
            *first_out = extend_back(c, i);
            push(out, *first_out, e, buf, 1, ys.kind == Y_PAST);
            return e;
        }
    }
    k = i + dlen;
    if (is_norm(c, k, "من"))
        k++;
    if (!(m1 = month_at(c, k, &e)))
        return this_month_day(c, i, k, d1, out, first_out);
    yspec ys1 = year_context(c, e, &e);
    /* D1 MONTH1 [Y1] sep D2 MONTH2 [Y2]: across months */
    /* "و" joins two months only after بين: "1 مايو و3 يونيو" are two dates */
    if ((j = range_sep(c, e)) && (d2 = day_at(c, j)) &&
        (!is_norm(c, e, "و") || (i > c->from && is_norm(c, i - 1, "بين")))) {
        size_t k2 = j + 1, e2;
        if (is_norm(c, k2, "من"))
            k2++;
        if ((m2 = month_at(c, k2, &e2)) && (ys1.kind == Y_NONE || ys1.kind == Y_EXPLICIT)) {
            yspec ys2 = year_context(c, e2, &e2);
            int y2 = resolve_year(c, ys2, m2, d2);
            int y1 = ys1.kind == Y_EXPLICIT ? ys1.value : y2 ? (m1 <= m2 ? y2 : y2 - 1) : 0;
            if (ys1.kind == Y_EXPLICIT && ys2.kind == Y_NONE && y2 == 0)
                y2 = (m1 <= m2 ? y1 : y1 + 1);
            if (fmt_day(a, sizeof a, y1, m1, d1) && fmt_day(b, sizeof b, y2, m2, d2) &&
                (!y1 || !y2 || days_from_civil(y1, m1, d1) < days_from_civil(y2, m2, d2))) {
                snprintf(buf, sizeof buf, "%s/%s", a, b);
                *first_out = extend_back(c, i);
                push(out, *first_out, e2, buf, 1, ys2.kind == Y_PAST);
                return e2;
            }
        }
    }
    int y = resolve_year(c, ys1, m1, d1);
    if (!fmt_day(a, sizeof a, y, m1, d1))
        return e;               /* "31 فبراير": consumed, not reported */
    *first_out = i;
    push(out, i, e, a, 1, ys1.kind == Y_PAST);
    return e;
}

/* MONTH YYYY, MONTH الجاري/الماضي/المقبل, MONTH من العام الماضي. */
static size_t month_led(const ctx *c, size_t i, date_vec *out)
{
    size_t e;
    int m = month_at(c, i, &e);
    if (!m)
        return 0;
    yspec ys = year_context(c, e, &e);
    if (ys.kind == Y_NONE)
        return 0;
    int y = resolve_year(c, ys, m, 0);
    char buf[32];
    if (y)
        snprintf(buf, sizeof buf, "%04d-%02d", y, m);
    else
        snprintf(buf, sizeof buf, "--%02d", m);
    push(out, i, e, buf, 0, ys.kind == Y_PAST);
    return e;
}

/* سنه 2023, عام 2024, خلال 2022, منذ 2019, العام الماضي, الشهر الجاري. */
static size_t year_led(const ctx *c, size_t i, date_vec *out)
{
    char buf[32];
    int y;
    int opener = year_noun_at(c, i);
    for (size_t k = 0; !opener && k < sizeof year_openers / sizeof year_openers[0]; k++)
        opener = is_norm(c, i, year_openers[k]);
    if (opener && (y = year_at(c, i + 1)) && !month_at(c, i + 2, &(size_t){0})) {
        /* "في أول زيارة منذ عام 2010": since when, never the day of what
         * the sentence tells; consumed, not reported. */
        if (is_norm(c, i, "منذ") || (i > c->from && is_norm(c, i - 1, "منذ")))
            return after_year(c, i + 1);
        snprintf(buf, sizeof buf, "%04d", y);
        push(out, i, after_year(c, i + 1), buf, 0, 0);
        return after_year(c, i + 1);
    }
    if (!c->has_doc)
        return 0;
    int r = relative_at(c, i + 1);
    if (r == Y_NONE)
        return 0;
    int off = r == Y_PAST ? -1 : r == Y_NEXT ? 1 : 0;
    /* "العام الماضي", but not "الامين العام المقبل" (العام = general) */
    const lia_token *prev = i > c->from ? tk(c, i - 1) : NULL;
    int after_noun = prev && prev->kind == LIA_TOK_WORD && prev->forms[0] != prev->norm;
    if (year_noun_at(c, i) && strncmp(tk(c, i)->norm, "ال", 4) == 0 && !after_noun) {
        snprintf(buf, sizeof buf, "%04d", c->dy + off);
        push(out, i, i + 2, buf, 0, r == Y_PAST);
        return i + 2;
    }
    if (is_article_form(c, i, "شهر")) {
        int m = c->dm + off, yy = c->dy;
        if (m < 1)
            m = 12, yy--;
        if (m > 12)
            m = 1, yy++;
        snprintf(buf, sizeof buf, "%04d-%02d", yy, m);
        push(out, i, i + 2, buf, 0, r == Y_PAST);
        return i + 2;
    }
    return 0;
}

/* Is token i a weekday name with its article?  Returns 0..6 or -1. */
static int weekday_at(const ctx *c, size_t i)
{
    for (int k = 0; k < 7; k++)
        if (is_article_form(c, i, weekday_names[k]))
            return k;
    return -1;
}

/* A weekday: followed by an explicit date, the date wins and the weekday
 * joins its span; else it resolves against the document date. */
static size_t weekday_led(const ctx *c, size_t i, date_vec *out)
{
    int wd = weekday_at(c, i);
    if (wd < 0)
        return 0;
    size_t first = is_norm(c, i - 1, "يوم") && i > c->from ? i - 1 : i;
    size_t j = i + 1;
    if (is_norm(c, j, ",") || is_norm(c, j, "("))
        j++;
    if (has_form(c, j, "موافق"))
        j++;
    size_t n0 = out->n, f;
    size_t e = day_led(c, j, out, &f);
    if (e && out->n > n0) {
        out->v[n0].first = first;
        if (is_norm(c, e, ")"))
            out->v[n0].last = ++e;
        return e;
    }
    if (!c->has_doc)
        return 0;
    int r = relative_at(c, i + 1);
    long days = c->doc_days;
    /* "وصل مساء الأربعاء السابق" after "الجمعة الماضي": the weekday
     * before the day last told, not before the paper's. */
    const lia_date *told = out->n ? &out->v[out->n - 1] : NULL;
    int y, m, d;
    if (is_article_form(c, i + 1, "سابق") && told && told->has_day && !strchr(told->iso, '/')
        && sscanf(told->iso, "%d-%d-%d", &y, &m, &d) == 3 && told->iso[0] != '-')
        days = days_from_civil(y, m, d);
    int back = (weekday_of(days) - wd + 7) % 7;
    long target;
    /* "تستضيفها مدريد حتى الخميس": until a weekday is until the coming
     * one (or today). */
    int until = r == Y_NONE && first > c->from && is_norm(c, first - 1, "حتي");
    if (until)
        target = days + (wd - weekday_of(days) + 7) % 7;
    else if (r == Y_PAST)
        target = days - (back ? back : 7);
    else if (r == Y_NEXT) {
        int fwd = (wd - weekday_of(days) + 7) % 7;
        target = days + (fwd ? fwd : 7);
    } else
        target = days - back;
    char buf[32];
    fmt_days(buf, sizeof buf, target);
    size_t last = r != Y_NONE ? i + 2 : i + 1;
    push(out, first, last, buf, 1, r == Y_PAST);
    return last;
}

/* "يومين"، "3 أيام"، "ثلاثة أيام" at i (after قبل): minus that many days,
 * *last set past the words; 0 if none. */
static long days_ago(const ctx *c, size_t i, size_t *last)
{
    static const char *const counts[] = { "ثلاثه", "اربعه", "خمسه", "سته", "سبعه" };
    if (has_form(c, i, "يومين")) {
        *last = i + 1;
        return -2;
    }
    int n = plain_number(tk(c, i), 1) ? atoi(tk(c, i)->norm) : 0;
    for (size_t k = 0; !n && k < sizeof counts / sizeof *counts; k++)
        if (is_norm(c, i, counts[k]))
            n = (int)k + 3;
    if (n < 1 || !has_form(c, i + 1, "ايام"))
        return 0;
    *last = i + 2;
    return -n;
}

/* Does token i's sentence tell a number (a day of its own: "غداة انعقاد
 * المؤتمر يوم 12 مارس" dates the event, not the morning after) past i? */
static int number_later_in_sentence(const ctx *c, size_t i)
{
    for (size_t k = i + 1; tk(c, k) && tk(c, k)->sentence == tk(c, i)->sentence; k++)
        if (tk(c, k)->kind == LIA_TOK_NUMBER)
            return 1;
    return 0;
}

/* "في اليوم التالي"، "اليوم الموالي"، "غداة وصوله": the day after the last
 * full date told before it ("في اليوم ذاته": that day); 0 when there is
 * none. */
static size_t next_day_led(const ctx *c, size_t i, date_vec *out)
{
    /* "غداة" is the morning after what it names. */
    int morning_after = (is_norm(c, i, "غداه") || is_norm(c, i, "وغداه")) && !number_later_in_sentence(c, i);
    if (!morning_after && !(is_norm(c, i, "اليوم") || is_norm(c, i, "واليوم")))
        return 0;
    /* "صباح ذلك اليوم": that day, the last day told. */
    int that_day = i > c->from && is_norm(c, i - 1, "ذلك");
    /* "في اليوم ذاته"، "اليوم نفسه": the last day told, not today. */
    int same = !morning_after && (that_day || has_form(c, i + 1, "ذاته") || has_form(c, i + 1, "نفسه"));
    if (!same && !morning_after && !(has_form(c, i + 1, "التالي") || has_form(c, i + 1, "الموالي")
                   || has_form(c, i + 1, "اللاحق")))
        return 0;
    for (size_t k = out->n; k-- > 0;) {
        const char *iso = out->v[k].iso;
        int y, m, d;
        if (out->v[k].first >= i)
            continue;
        char buf[32];
        if (strlen(iso) == 10 && sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) == 3) {
            /* A background day told a sentence or more before ("جولة
             * سابقة جرت في 19 كانون الأول 2023. كما ناقش المجتمعون ...
             * وكان الوزير قد وصل صباح اليوم نفسه"): the story has come
             * back to its own day, which the context gives. */
            if (same && c->has_doc && days_from_civil(y, m, d) < c->doc_days - 30
                && c->t->tok[out->v[k].first].sentence + 1 < c->t->tok[i].sentence)
                return 0;
            /* The morning after the paper's own date (its dateline's) is
             * no day the story has seen yet. */
            if (morning_after && c->has_doc && days_from_civil(y, m, d) >= c->doc_days)
                return 0;
            fmt_days(buf, sizeof buf, days_from_civil(y, m, d) + !same);
        } else if (strlen(iso) == 7 && sscanf(iso, "--%2d-%2d", &m, &d) == 2) {
            /* a day whose year the text leaves out ("14 تموز") */
            if (!fmt_day(buf, sizeof buf, 0, m, d + !same) && !fmt_day(buf, sizeof buf, 0, m % 12 + 1, 1))
                return 0;
        } else {
            return 0;       /* the last date told is no single day */
        }
        size_t first = that_day ? i - 1 : i, end = that_day || morning_after ? i + 1 : i + 2;
        push(out, first, end, buf, 1, out->v[k].relative_past);
        return end;
    }
    return 0;
}

/* "وقبل ذلك بيوم واحد"، "بعد ذلك بيومين"، "قبلها بيوم": one or two days
 * before or after the last full date told; 0 when there is none. */
static size_t day_apart_led(const ctx *c, size_t i, date_vec *out)
{
    int dir;
    size_t j = i + 1;
    if (has_form(c, i, "قبل") || has_form(c, i, "بعد")) {
        if (!is_norm(c, j, "ذلك"))
            return 0;
        dir = has_form(c, i, "قبل") ? -1 : 1;
        j++;
    } else if (has_form(c, i, "قبلها") || has_form(c, i, "بعدها")) {
        dir = has_form(c, i, "قبلها") ? -1 : 1;
    } else {
        return 0;
    }
    int n = has_form(c, j, "يوم") ? 1 : has_form(c, j, "يومين") ? 2 : 0;
    if (!n)
        return 0;
    size_t end = n == 1 && is_norm(c, j + 1, "واحد") ? j + 2 : j + 1;
    int y, m, d;
    for (size_t k = out->n; k-- > 0;) {
        const char *iso = out->v[k].iso;
        if (out->v[k].first >= i)
            continue;
        if (strlen(iso) != 10 || sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
            return 0;       /* the last date told is no single day */
        char buf[32];
        fmt_days(buf, sizeof buf, days_from_civil(y, m, d) + dir * n);
        push(out, i, end, buf, 1, out->v[k].relative_past);
        return end;
    }
    return 0;
}

/* "ويأتي اللقاء بعد يومين من الزيارة": a verb of coming ("يأتي"،
 * "تأتي"، "جاء"، "جاءت") at most four words before i, so what "بعد ...
 * من" at i leads to happened that long before the story's day. */
static int comes_after(const ctx *c, size_t i)
{
    static const char *const comes[] = { "ياتي", "تاتي", "جاء", "جاءت" };
    for (size_t k = i; k > c->from && k + 4 > i;) {
        k--;
        for (size_t w = 0; w < sizeof comes / sizeof *comes; w++)
            if (has_form(c, k, comes[w]))
                return 1;
    }
    return 0;
}

/* Does the sentence of token i name a weekday or a month after i ("...
 * التي جمعتهما يوم السبت الماضي")?  That day, not a count, dates it. */
static int day_named_after(const ctx *c, size_t i)
{
    size_t end;
    for (size_t k = i; k < c->to && c->t->tok[k].sentence == c->t->tok[i].sentence; k++)
        if (weekday_at(c, k) >= 0 || month_word_at(c, k, &end))
            return 1;
    return 0;
}

/* أمس, أول أمس, أمس الأول, اليوم, غدا, غد الأربعاء. */
static size_t day_word_led(const ctx *c, size_t i, date_vec *out)
{
    if (!c->has_doc)
        return 0;
    long off;
    size_t first = i, last = i + 1;
    /* "أمس" is the story's own day before, not background (not "past"). */
    if (has_form(c, i, "امس")) {
        off = -1;
        if (is_article_form(c, i + 1, "اول"))
            off = -2, last = i + 2;
        else if (weekday_at(c, i + 1) >= 0)
            last = i + 2;       /* "أمس الثلاثاء": one date */
    } else if (is_norm(c, i, "اول") && has_form(c, i + 1, "امس")) {
        off = -2, last = i + 2;
    } else if (is_norm(c, i, "اول") && is_norm(c, i + 1, "من") && has_form(c, i + 2, "امس")) {
        off = -2, last = i + 3;         /* "أول من أمس" */
    } else if (is_norm(c, i, "اليوم") || is_norm(c, i, "واليوم")) {
        const lia_token *n = tk(c, i + 1);
        /* "اليوم نفسه"، "اليوم ذاته"، "ذلك اليوم": the day the text was
         * telling of, which the context gives, not today. */
        if (has_form(c, i + 1, "نفسه") || has_form(c, i + 1, "ذاته") || (i > c->from && is_norm(c, i - 1, "ذلك")))
            return 0;
        /* "في وقت سابق من اليوم"، "في وقت لاحق من اليوم": earlier or
         * later on the day the text was telling of. */
        if (i >= c->from + 2 && is_norm(c, i - 1, "من")
            && (has_form(c, i - 2, "سابق") || has_form(c, i - 2, "لاحق")))
            return 0;
        /* اليوم الاول / اليوم العالمي: a day of something, not today */
        if (n && n->kind == LIA_TOK_WORD && weekday_at(c, i + 1) < 0 && day_of_something(n->norm))
            return 0;
        off = 0;
        if (weekday_at(c, i + 1) >= 0)      /* اليوم الخميس: one date */
            last = i + 2;
    } else if (is_norm(c, i, "غدا")) {
        off = 1;
        if (weekday_at(c, i + 1) >= 0)
            last = i + 2;       /* "غدا الأربعاء": one date */
    } else if (is_norm(c, i, "غد") && weekday_at(c, i + 1) >= 0 && !(i > c->from && is_norm(c, i - 1, "بعد"))) {
        off = 1;                /* "إلى غاية غد الأربعاء" (not "بعد غد": the day after) */
        last = i + 2;
    } else if (is_norm(c, i, "قبل") && (off = days_ago(c, i + 1, &last)) != 0) {
        /* "قبل يومين"، "قبل ثلاثة أيام" */
    } else if (is_norm(c, i, "بعد") && comes_after(c, i) && (off = days_ago(c, i + 1, &last)) != 0
               && is_norm(c, last, "من") && !day_named_after(c, last)) {
        /* "ويأتي اللقاء بعد يومين من الزيارة التي قام بها X" */
    } else {
        return 0;
    }
    /* "اليوم الأربعاء" in a paper dated Thursday, "أمس الثلاثاء" there:
     * the weekday named wins, the last one on or before that day (the
     * story was filed a day before it was published). */
    int wd = last > i + 1 ? weekday_at(c, last - 1) : -1;
    if (wd >= 0)
        off -= (weekday_of(c->doc_days + off) - wd + 7) % 7;
    char buf[32];
    fmt_days(buf, sizeof buf, c->doc_days + off);
    push(out, first, last, buf, 1, 0);
    return last;
}

void lia_find_dates(const lia_tokens *t, size_t from, size_t to, const char *doc_date,
                    lia_date **out, size_t *n_out)
{
    date_vec v = {*out, *n_out, *n_out};
    ctx c = {t, from, to < t->n ? to : t->n, 0, 0, 0, 0, 0, &v};
    if (doc_date && lia_is_iso_date(doc_date)) {
        c.has_doc = sscanf(doc_date, "%d-%d-%d", &c.dy, &c.dm, &c.dd) == 3;
        if (c.has_doc)
            c.doc_days = days_from_civil(c.dy, c.dm, c.dd);
    }
    pthread_once(&tables_once, build_tables);
    size_t i = c.from;
    while (i < c.to) {
        size_t e, f;
        if (!may_start_date(&t->tok[i])) {
            i++;
            continue;
        }
        if ((e = numeric_date(&c, i, &v))) {
            i += e;
            continue;
        }
        if ((e = weekday_led(&c, i, &v)) || (e = day_led(&c, i, &v, &f)) ||
            (e = month_led(&c, i, &v)) || (e = year_led(&c, i, &v)) ||
            (e = next_day_led(&c, i, &v)) || (e = day_apart_led(&c, i, &v)) ||
            (e = day_word_led(&c, i, &v))) {
            i = e > i ? e : i + 1;
            continue;
        }
        i++;
    }
    *out = v.v;
    *n_out = v.n;
}
