/* test_read.c — the reader's bad-input policy, case by case: invalid UTF-8,
 * NULs, CR, BOM and malformed JSON Lines under skip, replace and fail.
 * Each case writes one input file into a temp dir and checks the documents
 * and the messages read.c produces. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "liaison.h"

static int passed, failed;
static char dir[] = "/tmp/lia-read-XXXXXX";

typedef struct {
    const char *id;
    const char *name;       /* file name: .txt or .jsonl */
    const char *data;
    size_t len;
    int mode;
    lia_status want_status;
    int want_docs;          /* -1: do not check */
    const char *want_text;  /* text of the first document, or NULL */
    const char *want_msg;   /* substring of the message or the warnings, or NULL */
} rcase;

#define S(lit) lit, sizeof(lit) - 1

static const rcase cases[] = {
    { "utf8-skip", "a.txt", S("ab\xff" "c\xe2\x82" "d"), LIA_BAD_INPUT_SKIP, LIA_OK, 1,
      "abcd", "'%s/a.txt': invalid UTF-8 at byte 2; 3 bad bytes dropped" },
    { "utf8-replace", "a.txt", S("ab\xff" "c\xe2\x82" "d"), LIA_BAD_INPUT_REPLACE, LIA_OK, 1,
      "ab\xef\xbf\xbd" "c\xef\xbf\xbd" "d", "2 invalid sequences replaced by U+FFFD" },
    { "utf8-fail", "a.txt", S("ab\xff" "cd"), LIA_BAD_INPUT_FAIL, LIA_ERR_INPUT, 0, NULL,
      "invalid UTF-8 at byte 2" },
    { "overlong", "a.txt", S("x\xc0\xaf" "y"), LIA_BAD_INPUT_REPLACE, LIA_OK, 1,
      "x\xef\xbf\xbd\xef\xbf\xbd" "y", "at byte 1; 2 invalid sequences" },
    { "surrogate", "a.txt", S("x\xed\xa0\x80" "y"), LIA_BAD_INPUT_SKIP, LIA_OK, 1, "xy",
      "at byte 1; 3 bad bytes dropped" },
    { "above-10ffff", "a.txt", S("x\xf4\x90\x80\x80" "y"), LIA_BAD_INPUT_SKIP, LIA_OK, 1, "xy",
      "4 bad bytes dropped" },
    { "truncated-end", "a.txt", S("x\xd8"), LIA_BAD_INPUT_SKIP, LIA_OK, 1, "x", "at byte 1" },
    { "valid-arabic", "a.txt", S("\xd9\x85\xd8\xb5\xd8\xb1 \xf0\x9f\x98\x80"),
      LIA_BAD_INPUT_FAIL, LIA_OK, 1, "\xd9\x85\xd8\xb5\xd8\xb1 \xf0\x9f\x98\x80", NULL },
    { "bom-offset", "a.txt", S("\xef\xbb\xbf" "ab\xff"), LIA_BAD_INPUT_SKIP, LIA_OK, 1, "ab",
      "at byte 5" },
    { "nul-skip", "a.txt", S("a\0b"), LIA_BAD_INPUT_SKIP, LIA_OK, 1, "a b",
      "NUL byte at byte 1" },
    { "nul-fail", "a.txt", S("a\0b"), LIA_BAD_INPUT_FAIL, LIA_ERR_INPUT, 0, NULL,
      "NUL byte at byte 1" },
    { "crlf", "a.txt", S("a\r\nb\rc\n"), LIA_BAD_INPUT_FAIL, LIA_OK, 1, "a\nb\nc\n", NULL },
    { "bom", "a.txt", S("\xef\xbb\xbf" "abc"), LIA_BAD_INPUT_FAIL, LIA_OK, 1, "abc", NULL },
    { "empty", "a.txt", S(""), LIA_BAD_INPUT_FAIL, LIA_OK, 0, NULL, "empty file; skipped" },
    { "bom-only", "a.txt", S("\xef\xbb\xbf"), LIA_BAD_INPUT_SKIP, LIA_OK, 0, NULL, "empty file" },
    { "jsonl-ok", "d.jsonl", S("{\"id\":\"x\",\"date\":\"2024-01-02\",\"text\":\"a\\u0628\"}\n"),
      LIA_BAD_INPUT_FAIL, LIA_OK, 1, "a\xd8\xa8", NULL },
    { "jsonl-bom-crlf", "d.jsonl", S("\xef\xbb\xbf{\"text\":\"a\"}\r\n{\"text\":\"b\"}\r\n"),
      LIA_BAD_INPUT_FAIL, LIA_OK, 2, NULL, NULL },
    { "jsonl-bad-line", "d.jsonl", S("{\"text\":\"a\"}\n{\"text\":\n{\"text\":\"c\"}\n"),
      LIA_BAD_INPUT_SKIP, LIA_OK, 2, NULL, "/d.jsonl:2: " },
    { "jsonl-bad-fail", "d.jsonl", S("{\"text\":\"a\"}\n{\"text\":\n"), LIA_BAD_INPUT_FAIL,
      LIA_ERR_INPUT, 0, NULL, "/d.jsonl:2: " },
    { "jsonl-missing-text", "d.jsonl", S("{\"id\":\"a\"}\n"), LIA_BAD_INPUT_SKIP, LIA_OK, 0, NULL,
      ":1: missing field 'text'; line skipped" },
    { "jsonl-text-number", "d.jsonl", S("{\"text\":12}\n"), LIA_BAD_INPUT_SKIP, LIA_OK, 0, NULL,
      "field 'text' is a number, not a string" },
    { "jsonl-text-null", "d.jsonl", S("{\"text\":null}\n"), LIA_BAD_INPUT_SKIP, LIA_OK, 0, NULL,
      "field 'text' is null, not a string" },
    { "jsonl-id-number", "d.jsonl", S("{\"id\":42,\"text\":\"a\"}\n"), LIA_BAD_INPUT_FAIL,
      LIA_OK, 1, "a", NULL },
    { "jsonl-id-object", "d.jsonl", S("{\"id\":{},\"text\":\"a\"}\n"), LIA_BAD_INPUT_SKIP,
      LIA_OK, 0, NULL, "field 'id' is an object, not a string" },
    { "jsonl-date-number", "d.jsonl", S("{\"date\":2024,\"text\":\"a\"}\n"), LIA_BAD_INPUT_SKIP,
      LIA_OK, 1, "a", "field 'date' is not a string; ignored" },
    { "jsonl-date-null", "d.jsonl", S("{\"date\":null,\"text\":\"a\"}\n"), LIA_BAD_INPUT_FAIL,
      LIA_OK, 1, "a", NULL },
    { "jsonl-date-bad", "d.jsonl", S("{\"date\":\"yesterday\",\"text\":\"a\"}\n"),
      LIA_BAD_INPUT_SKIP, LIA_OK, 1, "a", "date 'yesterday' is not YYYY-MM-DD" },
    { "jsonl-bare-word", "d.jsonl", S("{\"x\":hello,\"text\":\"a\"}\n"), LIA_BAD_INPUT_SKIP,
      LIA_OK, 0, NULL, "malformed value of field 'x'" },
    { "jsonl-trailing", "d.jsonl", S("{\"text\":\"a\"} x\n"), LIA_BAD_INPUT_SKIP, LIA_OK, 0,
      NULL, "trailing characters" },
    { "jsonl-array", "d.jsonl", S("[1,2]\n"), LIA_BAD_INPUT_SKIP, LIA_OK, 0, NULL,
      "not a JSON object" },
    { "jsonl-deep", "d.jsonl", S("{\"x\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]],\"text\":\"a\"}\n"),
      LIA_BAD_INPUT_SKIP, LIA_OK, 0, NULL, "malformed value" },
    { "jsonl-control-in-string", "d.jsonl", S("{\"text\":\"a\tb\"}\n"), LIA_BAD_INPUT_SKIP,
      LIA_OK, 0, NULL, "malformed string" },
    { "jsonl-nul-escape", "d.jsonl", S("{\"text\":\"a\\u0000b\"}\n"), LIA_BAD_INPUT_SKIP,
      LIA_OK, 1, "a b", "NUL byte" },
    { "jsonl-lone-surrogate", "d.jsonl", S("{\"text\":\"a\\ud800b\"}\n"), LIA_BAD_INPUT_FAIL,
      LIA_OK, 1, "a\xef\xbf\xbd" "b", NULL },
    { "jsonl-pair", "d.jsonl", S("{\"text\":\"\\ud83d\\ude00\"}\n"), LIA_BAD_INPUT_FAIL, LIA_OK,
      1, "\xf0\x9f\x98\x80", NULL },
    { "jsonl-raw-bad-utf8", "d.jsonl", S("{\"id\":\"k\",\"text\":\"a\xffz\"}\n"),
      LIA_BAD_INPUT_SKIP, LIA_OK, 1, "az", ":1: document 'k': invalid UTF-8 at byte 1" },
    { "jsonl-id-newline", "d.jsonl", S("{\"id\":\"a\\nb\",\"text\":\"\xff\"}\n"),
      LIA_BAD_INPUT_SKIP, LIA_OK, 1, "", "document 'a?b'" },
    { "jsonl-empty", "d.jsonl", S(""), LIA_BAD_INPUT_FAIL, LIA_OK, 0, NULL, "no documents" },
    { "jsonl-dup-key", "d.jsonl", S("{\"text\":\"a\",\"text\":\"b\"}\n"), LIA_BAD_INPUT_FAIL,
      LIA_OK, 1, "b", NULL },
    { "jsonl-number-junk", "d.jsonl", S("{\"n\":1.,\"text\":\"a\"}\n"), LIA_BAD_INPUT_SKIP,
      LIA_OK, 0, NULL, "malformed value" },
    { "jsonl-fail-rollback", "d.jsonl", S("{\"text\":\"a\"}\n{\"text\":\"b\"}\n{bad\n"),
      LIA_BAD_INPUT_FAIL, LIA_ERR_INPUT, 0, NULL, ":3: malformed key" },
};

static void check(const rcase *k)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, k->name);
    FILE *fp = fopen(path, "wb");
    if (!fp || fwrite(k->data, 1, k->len, fp) != k->len || fclose(fp) != 0) {
        printf("FAIL %s: cannot write %s\n", k->id, path);
        failed++;
        return;
    }
    lia_corpus *c = lia_corpus_new();
    lia_corpus_set_bad_input(c, k->mode);
    lia_diag d;
    lia_diag_init(&d);
    lia_status st = lia_corpus_add_path(c, path, NULL, &d);
    char want_msg[512] = "";
    if (k->want_msg)
        snprintf(want_msg, sizeof want_msg, k->want_msg, dir);
    const char *why = NULL;
    if (st != k->want_status)
        why = "status";
    else if (k->want_docs >= 0 && lia_corpus_count(c) != (size_t)k->want_docs)
        why = "document count";
    else if (k->want_text && (lia_corpus_count(c) < 1
                              || lia_corpus_doc(c, 0)->len != strlen(k->want_text)
                              || memcmp(lia_corpus_doc(c, 0)->text, k->want_text,
                                        strlen(k->want_text)) != 0))
        why = "text";
    else if (*want_msg && !strstr(d.message, want_msg)
             && !(d.warnings && strstr(d.warnings, want_msg)))
        why = "message";
    else if (!k->want_msg && st == LIA_OK && d.n_warnings)
        why = "unexpected warning";
    if (why) {
        printf("FAIL %s: %s (status %d, %zu docs)\n  message: %s\n  warnings: %s\n", k->id, why,
               (int)st, lia_corpus_count(c), d.message, d.warnings ? d.warnings : "");
        if (lia_corpus_count(c))
            printf("  text[0]: '%.*s'\n", (int)lia_corpus_doc(c, 0)->len,
                   lia_corpus_doc(c, 0)->text);
        failed++;
    } else {
        passed++;
    }
    lia_diag_release(&d);
    lia_corpus_free(c);
    unlink(path);
}

int main(void)
{
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        check(&cases[i]);
    rmdir(dir);
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
