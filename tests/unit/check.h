/* check.h — the unit tests' one assertion: CHECK(id, cond) counts a pass or
 * prints the failing condition with its line.  Each test file includes it
 * once and reports passed/failed at the end. */
#ifndef LIA_TEST_CHECK_H
#define LIA_TEST_CHECK_H

#include <stdio.h>

static int passed, failed;

#define CHECK(id, cond) do { \
        if (cond) { \
            passed++; \
        } else { \
            failed++; \
            printf("FAIL %s: %s (line %d)\n", id, #cond, __LINE__); \
        } \
    } while (0)

#endif
