/* test_text.c — table-driven tests of the text engine (normalize, tokenize,
 * dates).  Reads text_cases.tsv from the working directory: one case per
 * line, `id<TAB>kind<TAB>input<TAB>expected[<TAB>doc date]`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uclean.h>

#include "dates.h"
#include "normalize.h"
#include "tokenize.h"
#include "util.h"

/* Expands \n \r \t \\ and \uXXXX escapes (malloc'd result). */
static char *unescape(const char *s)
{
    strbuf b;
    sb_init(&b);
    sb_add(&b, "", 0);
    for (; *s; s++) {
        if (*s != '\\' || !s[1]) {
            sb_addc(&b, *s);
            continue;
        }
        s++;
        switch (*s) {
        case 'n': sb_addc(&b, '\n'); break;
        case 'r': sb_addc(&b, '\r'); break;
        case 't': sb_addc(&b, '\t'); break;
        case 'x': {
            unsigned v = 0;
            if (sscanf(s + 1, "%2x", &v) == 1) {
                sb_addc(&b, (char)v);
                s += 2;
            }
            break;
        }
        case 'u': {
            unsigned v = 0;
            if (sscanf(s + 1, "%4x", &v) == 1) {
                char u[4];
                int n;
                if (v < 0x80) {
                    u[0] = (char)v, n = 1;
                } else if (v < 0x800) {
                    u[0] = (char)(0xC0 | v >> 6), u[1] = (char)(0x80 | (v & 0x3F)), n = 2;
                } else {
                    u[0] = (char)(0xE0 | v >> 12), u[1] = (char)(0x80 | ((v >> 6) & 0x3F));
                    u[2] = (char)(0x80 | (v & 0x3F)), n = 3;
                }
                sb_add(&b, u, (size_t)n);
                s += 4;
            }
            break;
        }
        default: sb_addc(&b, *s); break;
        }
    }
    return sb_detach(&b);
}

/* Checks the invariants of a normalized text's byte map. */
static int orig_map_ok(const lia_normtext *t, size_t srclen)
{
    if (t->orig[t->len] != srclen)
        return 0;
    for (size_t i = 1; i <= t->len; i++)
        if (t->orig[i] < t->orig[i - 1])
            return 0;
    return 1;
}

static const char *kind_letter(lia_tok_kind k)
{
    switch (k) {
    case LIA_TOK_WORD: return "W";
    case LIA_TOK_LATIN: return "L";
    case LIA_TOK_NUMBER: return "N";
    default: return "P";
    }
}

/* Runs one case; returns the actual result (malloc'd) for comparison, or
 * NULL after a failure already explained in *why. */
static char *run_case(const char *kind, const char *input, const char *expected,
                      const char *doc_date, const char **why)
{
    strbuf b;
    sb_init(&b);
    sb_add(&b, "", 0);
    *why = NULL;
    if (!strcmp(kind, "normstr")) {
        sb_release(&b);
        return lia_normalize_str(input);
    }
    if (!strcmp(kind, "slug")) {
        sb_release(&b);
        return lia_slug(input);
    }
    if (!strcmp(kind, "translit")) {
        sb_release(&b);
        return lia_transliterate(input);
    }
    if (!strcmp(kind, "key")) {
        sb_release(&b);
        return lia_entry_key(input);
    }
    lia_normtext nt;
    lia_normalize(input, strlen(input), &nt, NULL);
    if (!orig_map_ok(&nt, strlen(input)))
        *why = "bad orig map";
    if (!strcmp(kind, "norm")) {
        sb_adds(&b, nt.text);
        lia_normtext_release(&nt);
        return sb_detach(&b);
    }
    lia_tokens ts;
    lia_tokenize(&nt, &ts, NULL);
    if (!strcmp(kind, "forms") || !strcmp(kind, "first") || !strcmp(kind, "conj")) {
        if (ts.n == 0) {
            sb_adds(&b, "(no token)");
        } else if (!strcmp(kind, "first")) {
            sb_adds(&b, ts.tok[0].forms[0]);
        } else if (!strcmp(kind, "conj")) {
            sb_addf(&b, "%d", ts.tok[0].has_conj);
        } else if (!strncmp(expected, "has:", 4) || !strncmp(expected, "not:", 4)) {
            int has = lia_token_matches(&ts.tok[0], expected + 4);
            sb_adds(&b, (has == !strncmp(expected, "has:", 4)) ? expected : "(not so)");
        } else {
            for (int i = 0; i < ts.tok[0].n_forms; i++)
                sb_addf(&b, "%s%s", i ? "|" : "", ts.tok[0].forms[i]);
        }
    } else if (!strcmp(kind, "tokens") || !strcmp(kind, "kinds") || !strcmp(kind, "spans") ||
               !strcmp(kind, "para") || !strcmp(kind, "number")) {
        for (size_t i = 0; i < ts.n; i++) {
            const lia_token *t = &ts.tok[i];
            if (i)
                sb_addc(&b, ' ');
            if (!strcmp(kind, "tokens"))
                sb_adds(&b, t->norm);
            else if (!strcmp(kind, "kinds"))
                sb_adds(&b, kind_letter(t->kind));
            else if (!strcmp(kind, "para"))
                sb_addf(&b, "%d", t->paragraph);
            else if (!strcmp(kind, "number"))
                sb_addf(&b, "%ld", t->number);
            else
                sb_add(&b, input + t->start, t->end - t->start);
        }
    } else if (!strcmp(kind, "sent")) {
        int count_only = expected[0] >= '0' && expected[0] <= '9' && !strstr(expected, "||");
        if (count_only) {
            sb_addf(&b, "%zu", ts.n_sent);
        } else {
            for (size_t i = 0; i < ts.n_sent; i++) {
                if (i)
                    sb_adds(&b, " || ");
                sb_add(&b, input + ts.sent[i].start, ts.sent[i].end - ts.sent[i].start);
            }
        }
    } else if (!strcmp(kind, "date")) {
        lia_date *dates = NULL;
        size_t n = 0;
        lia_find_dates(&ts, 0, ts.n, doc_date, &dates, &n);
        for (size_t i = 0; i < n; i++)
            sb_addf(&b, "%s%s", i ? ";" : "", dates[i].iso);
        if (n == 0)
            sb_adds(&b, "-");
        free(dates);
    } else {
        *why = "unknown kind";
    }
    lia_tokens_release(&ts);
    lia_normtext_release(&nt);
    return sb_detach(&b);
}

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "text_cases.tsv";
    FILE *fp = fopen(path, "r");
    if (!fp) {
        fprintf(stderr, "test_text: cannot open '%s'\n", path);
        return 2;
    }
    char line[8192];
    int passed = 0, failed = 0, lineno = 0;
    while (fgets(line, sizeof line, fp)) {
        lineno++;
        line[strcspn(line, "\n")] = '\0';
        if (line[0] == '#' || line[0] == '\0')
            continue;
        char *cols[5] = {0};
        int nc = 0;
        for (char *p = line; nc < 5;) {
            cols[nc++] = p;
            char *tab = strchr(p, '\t');
            if (!tab)
                break;
            *tab = '\0';
            p = tab + 1;
        }
        if (nc < 4) {
            printf("line %d: malformed case (need id, kind, input, expected)\n", lineno);
            failed++;
            continue;
        }
        char *input = unescape(cols[2]);
        char *expected = unescape(cols[3]);
        const char *doc = nc > 4 ? cols[4] : NULL;
        const char *in = input;
        char docbuf[16];
        if (in[0] == '@' && strlen(in) > 12 && in[11] == ' ') {
            memcpy(docbuf, in + 1, 10);
            docbuf[10] = '\0';
            doc = docbuf;
            in += 12;
        }
        const char *why;
        char *got = run_case(cols[1], in, expected, doc, &why);
        if (why || strcmp(got, expected) != 0) {
            printf("FAIL %s (%s): expected [%s] got [%s]%s%s\n", cols[0], cols[1], expected, got,
                   why ? " — " : "", why ? why : "");
            failed++;
        } else {
            passed++;
        }
        free(got);
        free(input);
        free(expected);
    }
    fclose(fp);
    lia_normalize_cleanup();
    u_cleanup();
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
