/* fuzz.h — what the fuzz targets share: the libFuzzer entry points, a temp
 * file helper and the invariant check that turns a broken contract into a
 * crash the fuzzer reports.  Each target also links into replay.c, which
 * runs it over files without libFuzzer (the regression suite). */
#ifndef LIA_FUZZ_H
#define LIA_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Aborts with a message when cond is false: libFuzzer saves the input. */
#define FUZZ_CHECK(cond) do { \
        if (!(cond)) { \
            fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
            abort(); \
        } \
    } while (0)

/* The shipped rules: $LIAISON_RULES or the source tree's rules/. */
static inline const char *fuzz_rules_dir(void)
{
    const char *env = getenv("LIAISON_RULES");
    return env && *env ? env : LIA_FUZZ_RULES;
}

#endif
