/* replay.c — runs a fuzz target over files (or every file of directories)
 * without libFuzzer: the seed corpora and past crashes as regression tests,
 * under any compiler.  Prints "N passed, 0 failed"; a crash is a failure. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

static int run_file(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        fprintf(stderr, "replay: cannot open '%s'\n", path);
        return 0;
    }
    size_t cap = 1 << 16, n = 0, k;
    uint8_t *buf = malloc(cap);
    while (buf && (k = fread(buf + n, 1, cap - n, fp)) > 0) {
        n += k;
        if (n == cap)
            buf = realloc(buf, cap *= 2);
    }
    fclose(fp);
    if (!buf)
        return 0;
    /* An exact-size copy, so ASan sees reads past the input's end. */
    uint8_t *exact = malloc(n ? n : 1);
    memcpy(exact, buf, n);
    free(buf);
    LLVMFuzzerTestOneInput(exact, n);
    free(exact);
    return 1;
}

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
    int passed = 0, failed = 0;
    LLVMFuzzerInitialize(&argc, &argv);
    for (int i = 1; i < argc; i++) {
        struct stat sb;
        if (stat(argv[i], &sb) != 0) {
            fprintf(stderr, "replay: cannot open '%s'\n", argv[i]);
            failed++;
            continue;
        }
        if (!S_ISDIR(sb.st_mode)) {
            run_file(argv[i]) ? passed++ : failed++;
            continue;
        }
        DIR *dp = opendir(argv[i]);
        if (!dp) {
            failed++;
            continue;
        }
        char *names[4096];
        size_t n = 0;
        struct dirent *e;
        while ((e = readdir(dp)) && n < 4096)
            if (e->d_name[0] != '.') {
                size_t len = strlen(argv[i]) + strlen(e->d_name) + 2;
                names[n] = malloc(len);
                snprintf(names[n], len, "%s/%s", argv[i], e->d_name);
                n++;
            }
        closedir(dp);
        qsort(names, n, sizeof *names, cmp);
        for (size_t k = 0; k < n; k++) {
            run_file(names[k]) ? passed++ : failed++;
            free(names[k]);
        }
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
