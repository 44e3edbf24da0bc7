/* fuzz_jsonl.c — fuzz target for the reader: the input as a .jsonl file and
 * as a .txt file, under the policy its first byte picks.  Whatever comes in,
 * what the corpus holds is valid UTF-8 without NUL or CR.  Also feeds the
 * facts reader (lia_facts_read_jsonl). */
#include <string.h>
#include <unistd.h>

#include "facts.h"
#include "fuzz.h"
#include "util.h"

static char dir[] = "/tmp/lia-fuzz-jsonl-XXXXXX";

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    if (!mkdtemp(dir))
        abort();
    return 0;
}

/* Is s[0..n) valid UTF-8 (no surrogates, no overlongs) without NUL or CR? */
static int clean(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned char c = s[i];
        if (c == 0 || c == '\r')
            return 0;
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t k = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
        if (c < 0xC2 || c > 0xF4 || i + k >= n)
            return 0;
        unsigned long cp = c & (0x3F >> k);
        for (size_t j = 1; j <= k; j++) {
            if ((s[i + j] & 0xC0) != 0x80)
                return 0;
            cp = cp << 6 | (s[i + j] & 0x3F);
        }
        if ((k == 2 && cp < 0x800) || (k == 3 && cp < 0x10000) || cp > 0x10FFFF
            || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        i += k + 1;
    }
    return 1;
}

static void read_as(const char *name, const uint8_t *data, size_t size, int mode)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *fp = fopen(path, "wb");
    if (!fp)
        abort();
    fwrite(data, 1, size, fp);
    fclose(fp);
    lia_corpus *c = lia_corpus_new();
    lia_corpus_set_bad_input(c, mode);
    lia_diag d;
    lia_diag_init(&d);
    lia_status st = lia_corpus_add_path(c, path, "2024-01-01", &d);
    FUZZ_CHECK(st == LIA_OK || st == LIA_ERR_INPUT);
    FUZZ_CHECK(st == LIA_OK || lia_corpus_count(c) == 0);
    lia_corpus_sort(c);
    for (size_t i = 0; i < lia_corpus_count(c); i++) {
        const lia_doc *doc = lia_corpus_doc(c, i);
        FUZZ_CHECK(doc->id && doc->text && doc->text[doc->len] == '\0');
        FUZZ_CHECK(clean((const unsigned char *)doc->text, doc->len));
        FUZZ_CHECK(!doc->date || lia_is_iso_date(doc->date));
    }
    /* Warnings are one per line and never empty lines. */
    if (d.warnings)
        FUZZ_CHECK(!strstr(d.warnings, "\n\n") && d.warnings[0] != '\n');
    lia_diag_release(&d);
    lia_corpus_free(c);
    unlink(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 1 << 20)
        return 0;
    int mode = data[0] % 3;
    read_as("in.jsonl", data + 1, size - 1, mode);
    read_as("in.txt", data + 1, size - 1, mode);
    /* The other JSON Lines reader: facts written by 'liaison extract'. */
    lia_facts *f = lia_facts_new();
    lia_diag d;
    lia_diag_init(&d);
    lia_status st = lia_facts_read_jsonl(f, (const char *)data + 1, size - 1, "fuzz.jsonl", &d);
    FUZZ_CHECK(st == LIA_OK || st == LIA_ERR_INPUT);
    lia_facts_sort(f);
    lia_diag_release(&d);
    lia_facts_free(f);
    return 0;
}
