/* dates.h — dates and date ranges in Arabic news text, to ISO 8601.
 *
 * Reads a token window and recognises, for every month-name family (Gulf/
 * Egypt, Maghreb, Levant/Iraq, Algeria/Tunisia, and paired forms such as
 * "سبتمبر/ أيلول" or "ديسمبر (كانون الأول)"): single dates, ranges ("من 6
 * إلى 8 ماي 2025", "بين 19 و21 سبتمبر", "خلال يومي 13 و14 يونيو"), years
 * ("سنة 2023", "عام 2024"), and relative forms (الجاري، الماضي، المقبل، أمس،
 * اليوم، weekday names) resolved against the document date when known.
 * Counts such as "62 أجنبيا" or "IGEF 24" are never dates.
 */
#ifndef LIA_DATES_H
#define LIA_DATES_H

#include "tokenize.h"

typedef struct {
    size_t first, last;    /* token indexes [first, last) the expression covers */
    char iso[32];          /* "2025-05-06", "2025-05-06/2025-05-08", "--05-27",
                              "--09-19/--09-21", "2024", "2024-12" */
    int has_day;           /* a day is known (not just a month or a year) */
    int relative_past;     /* phrased as the past (الماضي، أمس): for context */
    int dateline;          /* in a dateline ("الرياض 27 نوفمبر 2017 (واس) -"): the
                              day the story was filed, not of what it tells */
} lia_date;

/* Finds every date expression in tokens [from, to) and appends them to
 * *out (malloc'd array, *n_out entries; the caller frees *out).  doc_date
 * is YYYY-MM-DD or NULL. */
void lia_find_dates(const lia_tokens *t, size_t from, size_t to, const char *doc_date,
                    lia_date **out, size_t *n_out);

#endif
