/* bench_text.c — throughput of the text engine: generates a synthetic
 * Arabic news corpus in memory and prints normalization and tokenization
 * speed in MB/s.  Usage: bench_text [MEGABYTES] (default 16). */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "tokenize.h"
#include "util.h"

static const char *const words[] = {
    "الأمن", "الوطني", "وزير", "الداخلية", "بموسكو", "للأمن", "والمديرية", "اجتماع",
    "مُباحثات", "ثنائية", "التعاون", "الاستخباراتي", "يوم", "الثلاثاء", "٦", "ماي", "2025",
    "FBI", "Director", "«المغرب»", "روسيا،", "إلى", "على", "هامش", "الـمؤتمر", "مدير",
    "وكالة", "المخابرات", "المركزية", "سبتمبر/", "أيلول", "في", "فيينا", "2.5", "1,200",
    "قال:", "\"نحن", "مستعدون.\"", "ثم", "غادر.", "؟", "\n", "\n\n", "ﻻ",
};

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    size_t mb = argc > 1 ? (size_t)atol(argv[1]) : 16;
    size_t target = mb * 1024 * 1024;
    strbuf b;
    sb_init(&b);
    unsigned long seed = 12345;
    size_t nwords = sizeof words / sizeof words[0];
    while (b.len < target) {
        seed = seed * 6364136223846793005UL + 1442695040888963407UL;
        sb_adds(&b, words[(seed >> 33) % nwords]);
        sb_addc(&b, ' ');
    }
    /* one document at a time, ~8 KB each, as the pipeline does */
    const size_t doc = 8192;
    double t_norm = 0, t_tok = 0;
    size_t n_tokens = 0;
    for (size_t off = 0; off < b.len; off += doc) {
        size_t len = b.len - off < doc ? b.len - off : doc;
        lia_normtext nt;
        lia_tokens ts;
        double t0 = now();
        lia_normalize(b.s + off, len, &nt, NULL);
        double t1 = now();
        lia_tokenize(&nt, &ts, NULL);
        double t2 = now();
        t_norm += t1 - t0;
        t_tok += t2 - t1;
        n_tokens += ts.n;
        lia_tokens_release(&ts);
        lia_normtext_release(&nt);
    }
    double mbs = (double)b.len / (1024.0 * 1024.0);
    printf("input %.1f MB, %zu tokens\n", mbs, n_tokens);
    printf("normalize: %.1f MB/s\n", mbs / t_norm);
    printf("tokenize:  %.1f MB/s\n", mbs / t_tok);
    printf("both:      %.1f MB/s\n", mbs / (t_norm + t_tok));
    sb_release(&b);
    return 0;
}
