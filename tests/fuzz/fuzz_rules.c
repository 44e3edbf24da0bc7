/* fuzz_rules.c — fuzz target for the rules loader.  A copy of the shipped
 * rules lives in a temp dir; the input's first byte picks one file, the rest
 * replaces it, and lia_rules_load must either load or fail with a
 * file:line:col message — never crash, never leave rules behind. */
#include <dirent.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "util.h"

static char dir[] = "/tmp/lia-fuzz-rules-XXXXXX";
static VEC(char *) names;     /* file names in the rules dir, sorted */
static VEC(char *) originals; /* their contents */
static VEC(size_t) lengths;

static void write_file(const char *name, const char *data, size_t len)
{
    char *path = xasprintf("%s/%s", dir, name);
    FILE *fp = fopen(path, "wb");
    if (!fp || fwrite(data, 1, len, fp) != len || fclose(fp) != 0)
        abort();
    free(path);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    if (!mkdtemp(dir))
        abort();
    const char *src = fuzz_rules_dir();
    DIR *dp = opendir(src);
    if (!dp) {
        fprintf(stderr, "fuzz_rules: cannot open rules dir '%s'\n", src);
        abort();
    }
    struct dirent *e;
    while ((e = readdir(dp)))
        if (e->d_name[0] != '.')
            VEC_PUSH(names, xstrdup(e->d_name));
    closedir(dp);
    qsort(names.v, names.n, sizeof *names.v, lia_cmp_strp);
    for (size_t i = 0; i < names.n; i++) {
        char *path = xasprintf("%s/%s", src, names.v[i]), *text;
        size_t len;
        if (lia_read_file(path, &text, &len, NULL) != LIA_OK)
            abort();
        free(path);
        write_file(names.v[i], text, len);
        VEC_PUSH(originals, text);
        VEC_PUSH(lengths, len);
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 1 << 18 || !names.n)
        return 0;
    size_t k = data[0] % names.n;
    write_file(names.v[k], (const char *)data + 1, size - 1);
    lia_rules *r = NULL;
    lia_diag d;
    lia_diag_init(&d);
    lia_status st = lia_rules_load(dir, &r, &d);
    if (st == LIA_OK) {
        FUZZ_CHECK(r != NULL);
    } else {
        FUZZ_CHECK(r == NULL);
        FUZZ_CHECK(d.message[0] != '\0');
    }
    lia_rules_free(r);
    lia_diag_release(&d);
    write_file(names.v[k], originals.v[k], lengths.v[k]);
    return 0;
}
