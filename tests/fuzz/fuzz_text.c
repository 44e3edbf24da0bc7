/* fuzz_text.c — fuzz target for the text engine: normalize, tokenize and
 * dates over arbitrary bytes, checking the offset contracts of
 * normalize.h and tokenize.h on every input. */
#include <string.h>

#include "dates.h"
#include "fuzz.h"
#include "normalize.h"
#include "tokenize.h"
#include "util.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

static void check_dates(const lia_tokens *t, const char *doc_date)
{
    lia_date *dates = NULL;
    size_t n = 0;
    lia_find_dates(t, 0, t->n, doc_date, &dates, &n);
    for (size_t i = 0; i < n; i++) {
        FUZZ_CHECK(dates[i].first < dates[i].last && dates[i].last <= t->n);
        FUZZ_CHECK(memchr(dates[i].iso, '\0', sizeof dates[i].iso) != NULL);
    }
    free(dates);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1 << 16)
        return 0;
    const char *src = (const char *)data;
    lia_diag d;
    lia_diag_init(&d);
    lia_normtext nt;
    if (lia_normalize(src, size, &nt, &d) == LIA_OK) {
        FUZZ_CHECK(nt.text[nt.len] == '\0');
        FUZZ_CHECK(nt.orig[nt.len] == size);
        for (size_t i = 0; i < nt.len; i++)
            FUZZ_CHECK(nt.orig[i] <= size);
        lia_tokens t;
        if (lia_tokenize(&nt, &t, &d) == LIA_OK) {
            for (size_t i = 0; i < t.n; i++) {
                const lia_token *k = &t.tok[i];
                FUZZ_CHECK(k->start <= k->end && k->end <= size);
                FUZZ_CHECK(k->nstart <= k->nend && k->nend <= nt.len);
                FUZZ_CHECK(k->n_forms >= 0 && k->n_forms <= LIA_MAX_FORMS);
                FUZZ_CHECK(k->sentence >= 0 && (size_t)k->sentence < (t.n_sent ? t.n_sent : 1));
                FUZZ_CHECK(k->norm != NULL);
            }
            for (size_t s = 0; s < t.n_sent; s++)
                FUZZ_CHECK(t.sent[s].first <= t.sent[s].last && t.sent[s].last <= t.n
                           && t.sent[s].start <= t.sent[s].end && t.sent[s].end <= size);
            check_dates(&t, "2024-02-29");
            check_dates(&t, NULL);
            lia_tokens_release(&t);
        }
        lia_normtext_release(&nt);
    }
    /* The string helpers take NUL-terminated text: the input up to 256 bytes. */
    char *s = xstrndup(src, size < 256 ? size : 256);
    free(lia_normalize_str(s));
    char *slug = lia_slug(s);
    for (const char *p = slug; p && *p; p++)
        FUZZ_CHECK((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-');
    free(slug);
    free(s);
    lia_diag_release(&d);
    return 0;
}
